import type { BrokerscopeApi, RequestParams, RequestResults } from '../../../shared/api-contract';
import type { RequestName } from '../../../shared/ipc-channels';

export interface FakeApi {
  readonly api: BrokerscopeApi;
  readonly calls: { readonly name: RequestName; readonly params: unknown }[];
}

type Answers = { readonly [N in RequestName]?: (params: RequestParams<N>) => Promise<RequestResults[N]> };

/** A BrokerscopeApi that records requests and answers from the given handlers; unanswered requests reject. */
export function fakeApi(answers: Answers = {}): FakeApi {
  const calls: { name: RequestName; params: unknown }[] = [];
  const request = <N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResults[N]> => {
    calls.push({ name, params });
    const answer = answers[name] as ((p: RequestParams<N>) => Promise<RequestResults[N]>) | undefined;
    return answer === undefined ? Promise.reject(new Error(`no fake answer for ${name}`)) : answer(params);
  };
  return { api: { request, subscribe: () => () => undefined }, calls };
}
