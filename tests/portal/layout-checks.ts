import type { Page } from 'playwright-core';

/**
 * What a resident needs of a page's layout, measured in the browser; each problem as a line:
 * - no element wider than the viewport, unless inside a scroll box that says it scrolls
 *   (`aria-describedby` naming visible text) and keeps its first column in view (sticky);
 * - table cells never split a number, an English word or a short cell's word across lines,
 *   never overflow, and are never narrower than their content's shortest word;
 * - chart text at least 12 CSS px;
 * - no heading with nothing under it (the next element is not a heading of the same or a higher level).
 * Code blocks (`pre`) scroll as code does and are left out.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}> "${text}"`;
    };
    const hidden = (el: Element) => el.closest('.skip, .hp, .skip-label, thead, pre') !== null && !el.closest('.skip:focus');
    if (document.documentElement.scrollWidth > vw) problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`);

    const boxes = [...document.querySelectorAll('.scroll')].filter((box) => box.scrollWidth > box.clientWidth + 1);
    for (const box of boxes) {
      const note = document.getElementById(box.getAttribute('aria-describedby') ?? '');
      if (!note || note.getBoundingClientRect().height === 0) problems.push(`${name(box)} scrolls sideways without saying so`);
      const first = box.querySelector('tbody tr > :first-child');
      if (first && getComputedStyle(first).position !== 'sticky') problems.push(`${name(box)} scrolls sideways but its first column does not stay in view`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (hidden(el) || el.closest('.scroll')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width > 1 && (rect.right > vw + 1 || rect.left < -1)) problems.push(`${name(el)} reaches ${Math.round(rect.left)}–${Math.round(rect.right)} px in a ${vw} px viewport`);
    }

    const lang = document.documentElement.lang;
    const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    for (const cell of document.querySelectorAll('table td, table th')) {
      if (cell.closest('thead') || cell.getBoundingClientRect().height === 0) continue;
      const cellText = (cell.textContent ?? '').trim();
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${name(cell)} overflows its cell`);
      const style = getComputedStyle(cell);
      const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      let shortest = Number.POSITIVE_INFINITY;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.skip-label')) continue;
        for (const segment of segmenter.segment(node.textContent ?? '')) {
          if (!segment.isWordLike) continue;
          const range = document.createRange();
          range.setStart(node, segment.index);
          range.setEnd(node, segment.index + segment.segment.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top / 4)));
          shortest = Math.min(shortest, rects.reduce((sum, r) => sum + r.width, 0));
          const mustStayWhole = /\d|[A-Za-z]/.test(segment.segment) || cellText.length <= 16;
          if (mustStayWhole && lines.size > 1) problems.push(`"${segment.segment}" is split across lines in ${name(cell)}`);
        }
      }
      if (Number.isFinite(shortest) && width + 1 < shortest) problems.push(`${name(cell)} is ${Math.round(width)} px, narrower than its shortest word (${Math.round(shortest)} px)`);
    }

    for (const text of document.querySelectorAll<SVGTextElement>('svg.chart text')) {
      const scale = text.getScreenCTM()?.a ?? 1;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < 12) problems.push(`chart text "${text.textContent}" is ${size.toFixed(1)} px`);
    }
    const headings = [...document.querySelectorAll('main h1, main h2, main h3, main h4')];
    for (const heading of headings) {
      const level = Number(heading.tagName[1]);
      const next = heading.nextElementSibling;
      const nextLevel = next && /^H[1-6]$/.test(next.tagName) ? Number(next.tagName[1]) : null;
      if (!next || (nextLevel !== null && nextLevel <= level)) problems.push(`${name(heading)} has nothing under it`);
    }
    return problems;
  });
}
