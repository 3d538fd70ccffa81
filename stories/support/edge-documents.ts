/**
 * Answers in the shapes that are easy to get wrong: right-to-left scripts mixed with code and lists,
 * CJK emphasis next to CJK punctuation, a stopped answer inside a link, a table with escaped pipes and
 * a table too wide for its message. The stories show them; the end-to-end tests stream them in
 * Chromium and check that they end as the static render.
 */

const FENCE = '```';

export interface EdgeDocument {
  id: string;
  title: string;
  text: string;
}

export const arabicAnswer: EdgeDocument = {
  id: 'arabic',
  title: 'An Arabic answer with code and lists',
  text: `## كيف تبث الإجابة؟

يصل النص على شكل **أجزاء صغيرة**، ويعرض المكوّن كل جزء فور وصوله. استخدم \`useStream\` لقراءة البث:

${FENCE}ts
const stream = useStream({ format: 'openai' });
stream.start(fetch('/api/chat', { method: 'POST' }));
${FENCE}

الخطوات:

1. أرسل السؤال إلى الخادم.
2. اقرأ الأجزاء بـ \`readStream\` واحدًا تلو الآخر.
3. اعرض النص داخل \`<Markdown streaming>\`.

- **السرعة:** تظهر الكلمات الأولى خلال أجزاء من الثانية.
- *الإيقاف:* زر الإيقاف يحتفظ بالنص الذي وصل.

> ملاحظة: الشيفرة تبقى من اليسار إلى اليمين دائمًا.
`,
};

export const hebrewAnswer: EdgeDocument = {
  id: 'hebrew',
  title: 'A Hebrew answer with code, a list and a table',
  text: `# תשובה קצרה

\`pnpm test\` מריץ את כל הבדיקות, ו-**\`pnpm fuzz\`** מריץ את בדיקות התכונות בתקציב גדול.

- צעד ראשון: התקנה
- צעד שני: \`pnpm build\`
  - תת-צעד עם [קישור](https://example.com/docs)

| פקודה | תיאור |
| --- | --- |
| \`pnpm dev\` | שרת פיתוח |
| \`pnpm e2e\` | בדיקות בדפדפן |

${FENCE}sh
pnpm install && pnpm test
${FENCE}

Mixed: English paragraph after Hebrew ones stays left to right.
`,
};

export const cjkAnswer: EdgeDocument = {
  id: 'cjk',
  title: 'CJK emphasis next to CJK punctuation',
  text: `**中文。**后面的文字不应显示星号。

これは**私のやりたかったこと。**だからするの。

**「引用」**です。~~删除。~~后

- **项目：**说明文字
- 한국어 **강조。**다음
`,
};

export const stoppedInLink: EdgeDocument = {
  id: 'stopped-link',
  title: 'An answer stopped inside a link',
  text: 'Streaming keeps the partial answer readable. See **the [docs](https://example.com/docs/strea',
};

export const escapedPipesTable: EdgeDocument = {
  id: 'escaped-pipes',
  title: 'A table with escaped pipes (GFM spec example 200)',
  text: `Operators that contain a pipe:

| f\\|oo  |
| ------ |
| b \`\\|\` az |
| b **\\|** im |

| Operator | Meaning |
| --- | --- |
| \`a \\|\\| b\` | logical or |
| \`x \\| y\` | bitwise or |
`,
};

export const wideTable: EdgeDocument = {
  id: 'wide-table',
  title: 'A table wider than its message',
  text: `HTTP status codes and what a chat client does with each:

| Status | Code | Meaning | Retry | Shown to the reader | Logged as | Recovery strategy | Notes |
| --- | :-: | --- | :-: | --- | --- | --- | --- |
| Unauthorized | 401 | The token expired or was never sent | no | Sign in again | authentication | Refresh the session token | Never retried automatically |
| Forbidden | 403 | The account cannot use this model | no | Access denied | authorization | Ask an administrator | Includes region restrictions |
| TooManyRequests | 429 | The rate limit was reached | yes | Busy, retrying | throttling | Exponential backoff with jitter | Honour Retry-After |
| ServiceUnavailable | 503 | The provider is overloaded | yes | Temporarily unavailable | availability | Retry, then fall back | Overloaded providers recover quickly |
`,
};

/** Every document, in the order the stories and tests use them. */
export const edgeDocuments: readonly EdgeDocument[] = [
  arabicAnswer,
  hebrewAnswer,
  cjkAnswer,
  stoppedInLink,
  escapedPipesTable,
  wideTable,
];
