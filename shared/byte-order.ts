/** Whether this machine stores numbers in typed arrays little end first (every platform the app runs on does). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
