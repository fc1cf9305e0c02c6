/**
 * The records of a CSV text as RFC 4180 writes them: cells separated by commas, quoted cells may
 * hold commas, line breaks and doubled quotes, and every record ends with CRLF. Strict, so a test
 * that reads an export with it also checks its framing: a bare LF outside quotes, or text after the
 * last CRLF, throws.
 *
 * @example
 * parseCsv('a,"b ""c"""\r\n') // [['a', 'b "c"']]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
      i++
    } else if (ch === '\n') throw new Error(`CSV: a bare LF at offset ${i}: records end with CRLF`)
    else cell += ch
  }
  if (quoted) throw new Error('CSV: a quoted cell is not closed')
  if (cell !== '' || record.length > 0) throw new Error('CSV: the text does not end with CRLF')
  return records
}
