/** A multipart/form-data body with one file part, for `inject`. */
export function multipartFile(
  content: Buffer | string,
  fileName = 'policy.pdf',
  mediaType = 'application/pdf',
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mica-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
