import { foldForSearch } from './search-text';

describe('foldForSearch', () => {
  it('drops case and every Vietnamese mark, and reads đ as d', () => {
    expect(foldForSearch('Hội chợ Hàng Việt, ĐỒNG NAI')).toBe('hoi cho hang viet, dong nai');
    expect(foldForSearch('Đào tạo nghề dệt thổ cẩm')).toBe('dao tao nghe det tho cam');
    expect(foldForSearch('ưởng ỡ ự ý')).toBe('uong o u y');
  });

  it('folds text written with combining marks (NFD) like precomposed text', () => {
    expect(foldForSearch('Việt'.normalize('NFD'))).toBe(foldForSearch('Việt'));
  });
});
