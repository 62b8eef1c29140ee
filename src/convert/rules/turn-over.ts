/**
 * A direction to turn the page, printed alone at a page foot: "(over)", "P.T.O.", "Turn over", and "P.S. (over)",
 * which announces a postscript overleaf. It is page furniture (`<fw type="turnOver">`), not text: the postscript
 * it points to is printed on the next page, where it is read.
 */
const PTO = String.raw`P\.?\s?T\.?\s?O\.?`;
const TURN_OVER = new RegExp(String.raw`^(?:P\.\s?S\.?\s*)?(?:[([]\s*(?:over|turn over|see over|${PTO})\s*[)\]]\.?|${PTO}|turn over\.?|over\s*\/)$`, 'i');

/** Whether a block's text is only a direction to turn the page. */
export function isTurnOver(text: string): boolean {
  return TURN_OVER.test(text.trim());
}
