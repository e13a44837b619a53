// Text size: the whole UI is sized in rem, so scaling the root font scales everything.

export const TEXT_SCALES = [100, 110, 125, 150] as const;

const BASE_FONT_PX = 16;

export function applyTextScale(percent: number): void {
  document.documentElement.style.fontSize = `${(BASE_FONT_PX * percent) / 100}px`;
}
