import { type ReactNode, useEffect, useState } from 'react';
import { screenColours } from './ScreenPanels';
import { stageDesign, stageFit } from './screen-stage';

const windowSize = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * Fills the window with the big screen: the 1920×1080 stage scaled to fit (1366×768 up to 3840×2160
 * and beyond), centred, with the ground colour around it; follows window resizes.
 */
export function ScreenStage({ children }: { children: ReactNode }) {
  const [size, setSize] = useState(windowSize);
  useEffect(() => {
    const onResize = () => setSize(windowSize());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const { scale, left, top } = stageFit(size.width, size.height);
  return (
    <div
      style={{ position: 'fixed', inset: 0, overflow: 'hidden', background: screenColours.ground }}
      data-testid="screen-viewport"
    >
      <div
        style={{
          position: 'absolute',
          left,
          top,
          width: stageDesign.width,
          height: stageDesign.height,
          transform: `scale(${scale})`,
          transformOrigin: '0 0',
        }}
        data-testid="screen-stage"
      >
        {children}
      </div>
    </div>
  );
}
