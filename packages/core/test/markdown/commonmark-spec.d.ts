declare module 'commonmark-spec' {
  /** One example of the CommonMark spec (`→` stands for a tab). */
  export interface CommonMarkExample {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: CommonMarkExample[];
}
