/**
 * The Đồng Nai programme review of 2021–2023 (shared/seed/khuyen-cong-dong-nai-2021-2023.txt)
 * as data for the demo. The article gives totals only: the programme's budget for 2021–2023,
 * the money disbursed, what was achieved, the nine lines that could not be carried out and
 * the context indicators. Everything finer (the budget of each year, which district and
 * which project, every date, the amounts per project, the 2024–2025 budgets and the
 * programme's indicator targets) is ILLUSTRATIVE, chosen so the totals come out exactly.
 */

import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';

export const PROGRAMME_CODE = 'DN-2021-2025';

/** The article's own figures; the demo checks its data against them before it starts. */
export const ARTICLE = {
  budget2021to2023Vnd: 23_308_200_000,
  disbursed2021to2023Vnd: 13_216_387_314,
  achieved: {
    study_tours: 2,
    trainees: 484,
    establishments_supported: 19,
    product_selections_provincial: 3,
    product_selections_national: 2,
    artisan_awards_provincial: 3,
    artisan_awards_national: 1,
    trade_fairs: 6,
    broadcast_topics: 72,
    bulletins_printed: 4_800,
    brochures_printed: 3_000,
    workshops: 12,
    collaborators: 65,
    showrooms: 1,
  } as Readonly<Record<string, number>>,
  cancelledLines: 9,
} as const;

export const PROGRAMME = {
  code: PROGRAMME_CODE,
  name: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021–2025',
  fromYear: 2021,
  toYear: 2025,
  decisionNo: '558/QĐ-UBND',
  decisionDate: '2021-02-08',
  // 2021–2023 sum to the article's 23,308,200,000; the split and 2024–2025 are illustrative.
  budgets: [
    { year: 2021, amountVnd: 6_500_000_000 },
    { year: 2022, amountVnd: 7_808_200_000 },
    { year: 2023, amountVnd: 9_000_000_000 },
    { year: 2024, amountVnd: 9_500_000_000 },
    { year: 2025, amountVnd: 10_000_000_000 },
  ],
  // Illustrative: the article reports achievements, not the programme's targets.
  targets: [
    { indicator: 'study_tours', target: 5 },
    { indicator: 'trainees', target: 1_000 },
    { indicator: 'establishments_supported', target: 50 },
    { indicator: 'product_selections_provincial', target: 5 },
    { indicator: 'product_selections_national', target: 3 },
    { indicator: 'artisan_awards_provincial', target: 5 },
    { indicator: 'artisan_awards_national', target: 2 },
    { indicator: 'trade_fairs', target: 12 },
    { indicator: 'broadcast_topics', target: 120 },
    { indicator: 'bulletins_printed', target: 8_000 },
    { indicator: 'brochures_printed', target: 5_000 },
    { indicator: 'workshops', target: 20 },
    { indicator: 'collaborators', target: 80 },
    { indicator: 'showrooms', target: 1 },
  ],
};

/**
 * The Center registers its own tasks under its own unit, the province's code (75), not under
 * a district's: the reference data names it (registering-units.ts).
 */
function theCenter(): { readonly unit: string; readonly name: string } {
  const { province, center } = DEFAULT_REFERENCE_DATA;
  if (province === undefined || center === undefined)
    throw new Error('The shipped reference data names no Center');
  return { unit: province, name: center.name };
}
export const CENTER_UNIT = theCenter().unit;
export const CENTER_NAME = theCenter().name;

/** How far a project had got when the review was written (mid-2023). */
export type DemoEnd = 'settled' | 'accepted' | 'in_execution';

export interface DemoProject {
  readonly year: number;
  /** Registered by the Center (a nhiệm vụ) rather than by a district for an establishment. */
  readonly byCenter?: boolean;
  readonly district: string;
  readonly activityType: string;
  readonly title: string;
  readonly beneficiary: string;
  readonly approvedVnd: number;
  /** Counterpart funding the establishment commits (machinery: at least the support). */
  readonly counterpartVnd?: number;
  /** Net disbursed by the review: advances + payments. */
  readonly disbursedVnd: number;
  readonly end: DemoEnd;
  readonly targets: Readonly<Record<string, number>>;
  readonly achieved: Readonly<Record<string, number>>;
}

const center = (
  year: number,
  activityType: string,
  title: string,
  approvedVnd: number,
  disbursedVnd: number,
  end: DemoEnd,
  achieved: Record<string, number>,
  targets: Record<string, number> = achieved,
): DemoProject => ({
  year,
  byCenter: true,
  district: CENTER_UNIT,
  activityType,
  title,
  beneficiary: CENTER_NAME,
  approvedVnd,
  disbursedVnd,
  end,
  targets,
  achieved,
});

const training = (
  year: number,
  district: string,
  place: string,
  approvedVnd: number,
  disbursedVnd: number,
  end: DemoEnd,
  trainees: number,
  target = trainees,
): DemoProject => ({
  year,
  district,
  activityType: 'training',
  title: `Đào tạo khởi sự doanh nghiệp và quản lý cho cơ sở CNNT ${place}`,
  beneficiary: `Các cơ sở CNNT ${place}`,
  approvedVnd,
  disbursedVnd,
  end,
  targets: { trainees: target },
  achieved: { trainees },
});

const machinery = (
  year: number,
  district: string,
  what: string,
  approvedVnd: number,
  disbursedVnd: number,
  end: DemoEnd,
): DemoProject => ({
  year,
  district,
  activityType: 'machinery',
  title: `Hỗ trợ ứng dụng ${what}`,
  beneficiary: `Cơ sở sản xuất ${what.replace(/^máy\s+|^dây chuyền\s+|^hệ thống\s+/, '')}`,
  approvedVnd,
  // The support is at most half the cost: the establishment puts in a little more than it gets.
  counterpartVnd: approvedVnd + 20_000_000,
  disbursedVnd,
  end,
  targets: { establishments_supported: 1 },
  achieved: { establishments_supported: 1 },
});

export const PROJECTS: readonly DemoProject[] = [
  // 2021: the Covid-19 year.
  training(2021, 'long-khanh', 'thành phố Long Khánh', 190_000_000, 178_450_000, 'settled', 80),
  machinery(
    2021,
    'tan-phu',
    'máy chưng cất tinh dầu trầm hương',
    285_000_000,
    285_000_000,
    'settled',
  ),
  machinery(2021, 'xuan-loc', 'máy sấy nông sản', 240_000_000, 238_760_000, 'settled'),
  machinery(2021, 'trang-bom', 'máy cắt CNC gia công cơ khí', 300_000_000, 300_000_000, 'settled'),
  machinery(2021, 'dinh-quan', 'dây chuyền chế biến hạt điều', 210_000_000, 207_950_000, 'settled'),
  center(
    2021,
    'product_selection',
    'Bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh năm 2021',
    320_000_000,
    296_315_000,
    'settled',
    { product_selections_provincial: 1 },
  ),
  center(
    2021,
    'product_selection',
    'Tham gia bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia năm 2021',
    110_000_000,
    102_480_000,
    'settled',
    { product_selections_national: 1 },
  ),
  center(
    2021,
    'artisan_award',
    'Xét tặng danh hiệu nghệ nhân, thợ giỏi, người có công đưa nghề về địa phương năm 2021',
    280_000_000,
    264_900_000,
    'settled',
    { artisan_awards_provincial: 1 },
  ),
  center(
    2021,
    'communication',
    'Chuyên đề khuyến công trên Đài Phát thanh – Truyền hình Đồng Nai và Bản tin Khuyến công năm 2021',
    650_000_000,
    631_520_000,
    'settled',
    { broadcast_topics: 20, bulletins_printed: 1_200 },
  ),
  center(
    2021,
    'workshop',
    'Hội thảo phổ biến công nghệ, kỹ thuật mới năm 2021',
    180_000_000,
    162_300_000,
    'settled',
    { workshops: 4 },
  ),
  center(
    2021,
    'showroom',
    'Thành lập và duy trì phòng trưng bày sản phẩm CNNT tiêu biểu của Trung tâm',
    220_000_000,
    203_761_150,
    'settled',
    { showrooms: 1 },
  ),

  // 2022: production recovering from the second quarter.
  center(
    2022,
    'study_tour',
    'Đoàn khảo sát, học tập kinh nghiệm khuyến công năm 2022',
    260_000_000,
    243_615_000,
    'settled',
    { study_tours: 1 },
  ),
  training(2022, 'vinh-cuu', 'huyện Vĩnh Cửu', 200_000_000, 188_240_000, 'settled', 84),
  training(2022, 'thong-nhat', 'huyện Thống Nhất', 210_000_000, 201_380_000, 'settled', 90),
  training(2022, 'cam-my', 'huyện Cẩm Mỹ', 190_000_000, 176_905_000, 'settled', 80),
  machinery(2022, 'long-khanh', 'máy sấy trái cây', 300_000_000, 300_000_000, 'settled'),
  machinery(2022, 'xuan-loc', 'máy xay xát gạo', 280_000_000, 276_430_000, 'settled'),
  machinery(2022, 'tan-phu', 'máy dệt thổ cẩm', 250_000_000, 250_000_000, 'settled'),
  machinery(2022, 'dinh-quan', 'máy chế biến gỗ', 300_000_000, 298_115_000, 'settled'),
  machinery(2022, 'trang-bom', 'máy ép nhựa', 260_000_000, 255_700_000, 'settled'),
  machinery(2022, 'thong-nhat', 'máy đóng gói thực phẩm', 225_000_000, 225_000_000, 'settled'),
  machinery(2022, 'cam-my', 'máy chế biến thức ăn chăn nuôi', 290_000_000, 287_640_000, 'settled'),
  machinery(2022, 'vinh-cuu', 'máy đan lát mây tre', 240_000_000, 236_275_000, 'settled'),
  center(
    2022,
    'product_selection',
    'Bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh năm 2022',
    350_000_000,
    331_860_000,
    'settled',
    { product_selections_provincial: 1 },
  ),
  center(
    2022,
    'artisan_award',
    'Xét tặng danh hiệu nghệ nhân, thợ giỏi, người có công đưa nghề về địa phương năm 2022',
    300_000_000,
    287_415_000,
    'settled',
    { artisan_awards_provincial: 1 },
  ),
  center(
    2022,
    'artisan_award',
    'Tham gia xét tặng danh hiệu Nghệ nhân Ưu tú (cấp Bộ)',
    90_000_000,
    84_730_000,
    'settled',
    { artisan_awards_national: 1 },
  ),
  center(
    2022,
    'trade_fair',
    'Tham gia hội chợ triển lãm trong nước năm 2022',
    900_000_000,
    861_250_000,
    'settled',
    { trade_fairs: 3 },
  ),
  center(
    2022,
    'communication',
    'Chuyên đề khuyến công trên Đài Phát thanh – Truyền hình Đồng Nai và Bản tin Khuyến công năm 2022',
    700_000_000,
    684_905_000,
    'settled',
    { broadcast_topics: 30, bulletins_printed: 2_000 },
  ),
  center(
    2022,
    'communication',
    'In brochure sản phẩm CNNT tiêu biểu',
    240_000_000,
    228_640_000,
    'settled',
    { brochures_printed: 3_000 },
  ),
  center(
    2022,
    'workshop',
    'Hội thảo phổ biến công nghệ, kỹ thuật mới năm 2022',
    200_000_000,
    188_760_000,
    'settled',
    { workshops: 4 },
  ),
  center(
    2022,
    'collaborator_network',
    'Triển khai mạng lưới cộng tác viên khuyến công',
    320_000_000,
    295_451_420,
    'settled',
    { collaborators: 65 },
  ),

  // 2023: half-way through the year when the review was written.
  center(
    2023,
    'study_tour',
    'Đoàn khảo sát, học tập kinh nghiệm khuyến công năm 2023',
    280_000_000,
    262_180_000,
    'accepted',
    { study_tours: 1 },
  ),
  training(
    2023,
    'long-thanh',
    'huyện Long Thành',
    210_000_000,
    140_000_000,
    'in_execution',
    75,
    80,
  ),
  training(
    2023,
    'nhon-trach',
    'huyện Nhơn Trạch',
    210_000_000,
    145_000_000,
    'in_execution',
    75,
    80,
  ),
  machinery(2023, 'bien-hoa', 'máy phay CNC', 300_000_000, 300_000_000, 'accepted'),
  machinery(
    2023,
    'long-thanh',
    'máy sản xuất gạch không nung',
    270_000_000,
    268_350_000,
    'accepted',
  ),
  machinery(2023, 'nhon-trach', 'máy cán tôn', 300_000_000, 297_820_000, 'accepted'),
  machinery(2023, 'xuan-loc', 'máy rang cà phê', 280_000_000, 190_000_000, 'in_execution'),
  machinery(2023, 'tan-phu', 'máy chế biến tinh bột', 260_000_000, 180_000_000, 'in_execution'),
  machinery(2023, 'dinh-quan', 'máy sơ chế trái cây', 300_000_000, 210_000_000, 'in_execution'),
  machinery(2023, 'cam-my', 'máy ép dầu thực vật', 240_000_000, 165_000_000, 'in_execution'),
  center(
    2023,
    'product_selection',
    'Bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh năm 2023',
    360_000_000,
    342_615_000,
    'settled',
    { product_selections_provincial: 1 },
  ),
  center(
    2023,
    'product_selection',
    'Tham gia bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia năm 2023',
    120_000_000,
    113_240_000,
    'accepted',
    { product_selections_national: 1 },
  ),
  center(
    2023,
    'artisan_award',
    'Xét tặng danh hiệu nghệ nhân, thợ giỏi, người có công đưa nghề về địa phương năm 2023',
    310_000_000,
    296_480_000,
    'settled',
    { artisan_awards_provincial: 1 },
  ),
  center(
    2023,
    'trade_fair',
    'Tham gia hội chợ triển lãm trong nước năm 2023',
    950_000_000,
    660_000_000,
    'in_execution',
    { trade_fairs: 3 },
    { trade_fairs: 4 },
  ),
  center(
    2023,
    'communication',
    'Chuyên đề khuyến công trên Đài Phát thanh – Truyền hình Đồng Nai và Bản tin Khuyến công năm 2023',
    720_000_000,
    500_000_000,
    'in_execution',
    { broadcast_topics: 22, bulletins_printed: 1_600 },
    { broadcast_topics: 30, bulletins_printed: 2_000 },
  ),
  center(
    2023,
    'workshop',
    'Hội thảo phổ biến công nghệ, kỹ thuật mới năm 2023',
    380_000_000,
    371_954_744,
    'accepted',
    { workshops: 4 },
  ),
];

export const CANCELLATION_REASON = 'Chưa có cơ sở pháp lý và đối tượng thụ hưởng đủ điều kiện';

export interface DemoCancelledLine {
  readonly year: number;
  readonly byCenter?: boolean;
  readonly district: string;
  readonly activityType: string;
  readonly title: string;
  readonly fundingSource?: 'national';
  readonly requestedVnd: number;
  readonly counterpartVnd: number;
  readonly beneficiary: string;
}

/** The nine contents the article says could not be carried out (years and districts illustrative). */
export const CANCELLED_LINES: readonly DemoCancelledLine[] = [
  {
    year: 2021,
    district: 'long-khanh',
    activityType: 'brand_registration',
    title: 'Hỗ trợ cơ sở CNNT xây dựng và đăng ký nhãn hiệu',
    requestedVnd: 35_000_000,
    counterpartVnd: 35_000_000,
    beneficiary: 'Cơ sở chế biến trái cây sấy',
  },
  {
    year: 2021,
    district: 'trang-bom',
    activityType: 'consulting',
    title: 'Hỗ trợ cơ sở CNNT thuê tư vấn',
    requestedVnd: 30_000_000,
    counterpartVnd: 30_000_000,
    beneficiary: 'Cơ sở cơ khí chính xác',
  },
  {
    year: 2021,
    district: 'nhon-trach',
    activityType: 'cluster_planning',
    title: 'Hỗ trợ lập quy hoạch chi tiết cụm công nghiệp',
    requestedVnd: 500_000_000,
    counterpartVnd: 500_000_000,
    beneficiary: 'Ban quản lý cụm công nghiệp',
  },
  {
    year: 2022,
    district: 'xuan-loc',
    activityType: 'demonstration_model',
    title: 'Hỗ trợ xây dựng mô hình trình diễn kỹ thuật',
    requestedVnd: 450_000_000,
    counterpartVnd: 1_100_000_000,
    beneficiary: 'Cơ sở chế biến nông sản',
  },
  {
    year: 2022,
    district: 'bien-hoa',
    activityType: 'environmental_treatment',
    title: 'Hỗ trợ sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường tại cơ sở CNNT',
    requestedVnd: 280_000_000,
    counterpartVnd: 700_000_000,
    beneficiary: 'Cơ sở gốm mỹ nghệ',
  },
  {
    year: 2022,
    district: 'long-thanh',
    activityType: 'relocation_interest',
    title:
      'Hỗ trợ lãi suất vốn vay cho cơ sở CNNT gây ô nhiễm môi trường di dời vào các khu, cụm công nghiệp',
    requestedVnd: 400_000_000,
    counterpartVnd: 400_000_000,
    beneficiary: 'Cơ sở thuộc da',
  },
  {
    year: 2023,
    district: 'tan-phu',
    activityType: 'showroom',
    title: 'Hỗ trợ cơ sở CNNT đầu tư phòng trưng bày sản phẩm',
    requestedVnd: 150_000_000,
    counterpartVnd: 150_000_000,
    beneficiary: 'Cơ sở sản xuất trầm hương',
  },
  {
    year: 2023,
    byCenter: true,
    district: CENTER_UNIT,
    activityType: 'technical_norms',
    title: 'Xây dựng định mức kinh tế kỹ thuật dịch vụ khuyến công',
    requestedVnd: 200_000_000,
    counterpartVnd: 0,
    beneficiary: CENTER_NAME,
  },
  {
    year: 2023,
    district: 'dinh-quan',
    activityType: 'machinery',
    fundingSource: 'national',
    title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến',
    requestedVnd: 300_000_000,
    counterpartVnd: 400_000_000,
    beneficiary: 'Cơ sở chế biến hạt điều',
  },
];

/** As the article states them; the year of the export value is not given and is put in 2022. */
export const CONTEXT_INDICATORS = [
  {
    year: 2022,
    code: 'rural_industrial_production_value_vnd',
    value: 73_396_000_000_000,
    note: 'Cục Thống kê tỉnh Đồng Nai',
  },
  {
    year: 2023,
    code: 'rural_industrial_production_value_vnd',
    value: 73_000_000_000_000,
    estimated: true,
    note: 'ước đạt, bằng 99,5% so với năm 2022',
  },
  {
    year: 2022,
    code: 'export_value_usd',
    value: 902_389_000,
    target: 900_000_000,
    note: 'bài viết không nêu năm; ghi vào 2022 (minh họa)',
  },
  {
    year: 2023,
    code: 'rural_industrial_establishments',
    value: 9_413,
    asOf: '2023-06-30',
    note: 'Cục Thống kê tỉnh Đồng Nai',
  },
  {
    year: 2023,
    code: 'rural_industrial_establishments_change',
    value: -381,
    unit: 'establishments',
    asOf: '2023-06-30',
    note: 'so với cùng kỳ năm 2020',
  },
] as const;

/** The yearly cycle's dates (illustrative), and which districts answered on time, late or not at all. */
export interface DemoPlan {
  readonly year: number;
  readonly openedOn: string;
  readonly deadline: string;
  readonly submittedOn: string;
  /** These send their registration a week after the deadline. */
  readonly late: readonly string[];
  /** These send nothing. */
  readonly missing: readonly string[];
  readonly compiledOn: string;
  readonly approvedOn: string;
  readonly decisionNo: string;
  /** The dates of each project step in the plan year. */
  readonly steps: {
    readonly registered: string;
    readonly appraised: string;
    readonly approved: string;
    readonly started: string;
    readonly advanced: string;
    readonly reportedOn: string;
    readonly accepted: string;
    readonly paid: string;
    readonly settled: string;
    readonly cancelled: string;
  };
}

export const PLANS: readonly DemoPlan[] = [
  {
    year: 2021,
    openedOn: '2021-02-22',
    deadline: '2021-03-20',
    submittedOn: '2021-03-15',
    late: ['dinh-quan'],
    missing: ['bien-hoa', 'long-thanh'],
    compiledOn: '2021-03-31',
    approvedOn: '2021-04-15',
    decisionNo: '1105/QĐ-UBND',
    steps: {
      registered: '2021-03-05',
      appraised: '2021-04-22',
      approved: '2021-05-10',
      started: '2021-05-20',
      advanced: '2021-06-01',
      reportedOn: '2021-10-25',
      accepted: '2021-11-25',
      paid: '2021-12-06',
      settled: '2021-12-20',
      cancelled: '2021-10-15',
    },
  },
  {
    year: 2022,
    openedOn: '2021-04-05',
    deadline: '2021-05-20',
    submittedOn: '2021-05-14',
    late: ['cam-my'],
    missing: ['nhon-trach'],
    compiledOn: '2021-06-10',
    approvedOn: '2021-12-10',
    decisionNo: '4212/QĐ-UBND',
    steps: {
      registered: '2021-05-06',
      appraised: '2022-02-15',
      approved: '2022-03-01',
      started: '2022-03-15',
      advanced: '2022-03-25',
      reportedOn: '2022-09-23',
      accepted: '2022-11-21',
      paid: '2022-12-01',
      settled: '2022-12-20',
      cancelled: '2022-09-30',
    },
  },
  {
    year: 2023,
    openedOn: '2022-04-04',
    deadline: '2022-05-20',
    submittedOn: '2022-05-16',
    late: ['nhon-trach'],
    missing: ['vinh-cuu', 'thong-nhat'],
    compiledOn: '2022-06-10',
    approvedOn: '2022-12-15',
    decisionNo: '3385/QĐ-UBND',
    steps: {
      registered: '2022-05-09',
      appraised: '2023-02-10',
      approved: '2023-02-28',
      started: '2023-03-10',
      advanced: '2023-03-20',
      reportedOn: '2023-06-23',
      accepted: '2023-06-30',
      paid: '2023-07-14',
      settled: '2023-07-31',
      cancelled: '2023-06-15',
    },
  },
];

/** The day the context indicators are recorded and the review is read. */
export const REVIEW_DATE = '2023-08-15';
