/**
 * Exporting and printing the SVG charts. The charts carry their styles as attributes (no CSS
 * classes), so the serialised SVG draws the same on a canvas as on the page.
 */

const svgNamespace = 'http://www.w3.org/2000/svg';

/** The SVG's own size: its viewBox, else its box on the page. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: rect.width, height: rect.height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
}

/**
 * Draws the chart on a white canvas at `scale` times its size and downloads it as a PNG named
 * `fileName`; nothing leaves the browser.
 */
export async function downloadSvgAsPng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const { width, height } = sizeOf(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', svgNamespace);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const markup = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas in this browser.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const link = document.createElement('a');
    link.href = canvas.toDataURL('image/png');
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    URL.revokeObjectURL(url);
  }
}

const printingClass = 'tj-printing-milestones';

/**
 * Prints only the part of the page marked `tj-milestone-print` (the chart and the node table): the
 * print stylesheet in milestones.css hides everything else while the body carries the class.
 */
export function printMilestones() {
  const done = () => {
    document.body.classList.remove(printingClass);
    window.removeEventListener('afterprint', done);
  };
  document.body.classList.add(printingClass);
  window.addEventListener('afterprint', done);
  window.print();
}
