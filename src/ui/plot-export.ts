/**
 * The classifier plot as a standalone picture. The page styles its SVG with CSS classes and
 * custom properties, which a file does not carry; so the copy gets, on every element, the
 * computed values of the properties SVG drawing uses, as presentation attributes (never markup
 * strings), plus a background, a viewBox and its namespace. PNG: that SVG drawn into a canvas at
 * twice its size.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Properties copied from the computed style (those SVG rendering reads). */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** The SVG's own size in CSS pixels (its width and height attributes). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  return { width, height };
}

/** A copy of `svg` whose looks need no stylesheet: computed styles as attributes. */
export function standaloneSvg(svg: SVGSVGElement, background: string): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (!target) return;
    const style = getComputedStyle(source);
    for (const name of PROPERTIES) {
      const v = style.getPropertyValue(name);
      if (v !== '') target.setAttribute(name, v);
    }
    target.removeAttribute('class');
    target.removeAttribute('style');
  });
  const { width, height } = svgSize(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('data-testid');
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  copy.insertBefore(rect, copy.firstChild);
  return copy;
}

/** The SVG file's text. */
export function svgText(svg: SVGSVGElement, background: string): string {
  const text = new XMLSerializer().serializeToString(standaloneSvg(svg, background));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** The SVG drawn at `scale` times its size into a PNG. */
export async function svgToPng(svg: SVGSVGElement, background: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svgText(svg, background)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gives no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
