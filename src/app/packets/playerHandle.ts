// The packet player as the toolbar and the test hooks see it. The player itself
// (player.ts: the animation engine with packet paths and canvas drawing) belongs
// to the graph and arrives with the graph's chunk, while the toolbar is part of
// the first picture: it reaches the player through this handle, empty until the
// player has loaded. Nothing is lost meanwhile: there is nothing to step through
// before the player runs, and it reads the store's traces when it attaches.

export interface PlayerHandle {
  replayIfDone(): void;
  stepForward(): void;
  stepBack(): void;
  /** Packets moving now (`npm run bench` reads it through the test hooks). */
  readonly inFlight: number;
  /** Generator packets counted but not drawn. */
  readonly sampledOut: number;
}

let current: PlayerHandle | null = null;

/** player.ts calls this once, when its module loads. */
export function providePlayer(player: PlayerHandle): void {
  current = player;
}

/** The player, or null while the graph's code is still loading. */
export function loadedPlayer(): PlayerHandle | null {
  return current;
}
