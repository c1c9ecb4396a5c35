/** Byte order of the UTF-8 encodings: how `std::string` keys sort in `std::set` and `base::Value::Dict`. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
