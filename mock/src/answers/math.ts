import type { MockAnswer } from './types.js';

/**
 * Math as models write it: inline `$…$` and `\(…\)`, display `$$…$$` and `\[…\]` blocks, an
 * aligned derivation, and prices that must stay text.
 */
export const math: MockAnswer = {
  id: 'math',
  title: 'Math: inline and display formulas, with prices that stay text',
  parts: [
    {
      type: 'text',
      text: String.raw`The **quadratic formula** solves $ax^2 + bx + c = 0$ for $a \neq 0$:

$$
x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}
$$

The discriminant \(\Delta = b^2 - 4ac\) tells how many real roots there are. Models often write
display math with brackets instead:

\[
\int_0^1 x^2\,dx = \left[\frac{x^3}{3}\right]_0^1 = \frac{1}{3}
\]

A short derivation, step by step:

$$
\begin{aligned}
(a + b)^2 &= (a + b)(a + b) \\
          &= a^2 + 2ab + b^2
\end{aligned}
$$

Euler's identity \[ e^{i\pi} + 1 = 0 \] links five constants, and $\sum_{k=1}^{n} k = \frac{n(n+1)}{2}$.

Prices stay text: the basic plan costs $5 and the pro plan $10 a month, or $99.50 a year.`,
    },
  ],
};
