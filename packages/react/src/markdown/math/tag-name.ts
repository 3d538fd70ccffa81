/** Tag name of the element a formula is in the tree, which `<MathFormula>` renders. */
export const mathTagName = 'rivulet-math';
