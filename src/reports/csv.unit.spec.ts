import { fieldColumns, toCsv, type CsvColumn } from './csv';

interface Line {
  readonly title: string;
  readonly amountVnd: number;
  readonly rate: number | null;
}

const COLUMNS: readonly CsvColumn<Line>[] = [
  { header: 'title', value: (l) => l.title },
  { header: 'amountVnd', value: (l) => l.amountVnd },
  { header: 'rate', value: (l) => l.rate },
];

describe('the CSV writer', () => {
  it('starts with a UTF-8 byte-order mark and a header row, and ends every row with CRLF', () => {
    const csv = toCsv(COLUMNS, [{ title: 'Hội chợ', amountVnd: 1, rate: null }]);
    expect(csv.startsWith('\uFEFFtitle,amountVnd,rate\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFtitle,amountVnd,rate\r\nHội chợ,1,\r\n');
  });

  it('keeps Vietnamese text as it is and writes amounts as whole numbers', () => {
    const csv = toCsv(COLUMNS, [
      {
        title: 'Đào tạo khởi sự doanh nghiệp huyện Xuân Lộc',
        amountVnd: 13_216_387_314,
        rate: 0.567,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      'Đào tạo khởi sự doanh nghiệp huyện Xuân Lộc,13216387314,0.567',
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes a field holding a comma, a quote or a line break, doubling the quotes (RFC 4180)', () => {
    const csv = toCsv(COLUMNS, [
      { title: 'Máy sấy, máy cắt', amountVnd: 1, rate: 1 },
      { title: 'Bản tin "Khuyến công"', amountVnd: 2, rate: 1 },
      { title: 'dòng 1\ndòng 2', amountVnd: 3, rate: 1 },
    ]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      '"Máy sấy, máy cắt",1,1',
      '"Bản tin ""Khuyến công""",2,1',
      '"dòng 1\ndòng 2",3,1',
    ]);
  });

  it('keeps a spreadsheet from running text that starts like a formula', () => {
    const csv = toCsv(COLUMNS, [{ title: '=HYPERLINK("x")', amountVnd: 1, rate: null }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",1,`);
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(COLUMNS, [])).toBe('\uFEFFtitle,amountVnd,rate\r\n');
  });

  it('heads field columns with the field names, in the order given', () => {
    const csv = toCsv(fieldColumns<Line>('rate', 'title'), [
      { title: 'Hội chợ', amountVnd: 1, rate: 0.5 },
    ]);
    expect(csv).toBe('\uFEFFrate,title\r\n0.5,Hội chợ\r\n');
  });
});
