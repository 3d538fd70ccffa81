import '@rivulet/react/styles.css';
import type { ReactNode } from 'react';
import { Ready } from './ready';

export const metadata = { title: 'Rivulet on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Ready />
      </body>
    </html>
  );
}
