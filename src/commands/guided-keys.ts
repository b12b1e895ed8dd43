// The terminal's keys as a question typed to filter reads them. The prompt library's filtering
// question (`search`) looks its choices up after every key, and an Enter that comes while it
// looks is dropped: a name pasted with its newline, or typed ahead in one go (`Lyspunktet⏎`),
// then needed a second Enter. Here an Enter that comes in the same go as the keys before it waits
// until the event loop has turned, when the filter has taken them; every key keeps its order.
type Key = { name?: string } | undefined;
type KeyListener = (s: string | undefined, key: Key) => void;

const isEnter = (key: Key) => key?.name === 'return' || key?.name === 'enter';

/**
 * The terminal's input, for the prompt library, with its keypresses passed on in order and an
 * Enter that follows other keys in one go held back until the loop turns (see above). Everything
 * else is the input itself. Made once for all questions of one guided entry: keys held back for
 * a question that has closed go to the next one, as they would have.
 */
export function keysInTurn<T extends NodeJS.ReadableStream>(input: T): T {
  const listeners: KeyListener[] = [];
  const held: Array<[string | undefined, Key]> = [];
  let holding = false;
  // Whether a key other than Enter has been passed on since the loop last turned.
  let typed = false;
  let turning = false;

  const pass = (s: string | undefined, key: Key) => {
    for (const l of [...listeners]) l(s, key);
  };
  const afterTurn = () => {
    if (turning) return;
    turning = true;
    setImmediate(() => {
      turning = false;
      typed = false;
      while (held.length > 0) {
        const [s, key] = held[0];
        if (isEnter(key) && typed) {
          afterTurn();
          return;
        }
        held.shift();
        if (!isEnter(key)) typed = true;
        pass(s, key);
      }
      holding = false;
      if (typed) afterTurn();
    });
  };
  const onKeypress = (s: string | undefined, key: Key) => {
    if (holding || (isEnter(key) && typed)) {
      held.push([s, key]);
      holding = true;
      afterTurn();
      return;
    }
    if (!isEnter(key)) {
      typed = true;
      afterTurn();
    }
    pass(s, key);
  };

  const proxy: T = new Proxy(input, {
    get(target, prop) {
      if (prop === 'on' || prop === 'addListener') {
        return (event: string, fn: (...args: unknown[]) => void) => {
          if (event !== 'keypress') target.on(event, fn);
          else {
            listeners.push(fn as KeyListener);
            if (listeners.length === 1) target.on('keypress', onKeypress);
          }
          return proxy;
        };
      }
      if (prop === 'off' || prop === 'removeListener') {
        return (event: string, fn: (...args: unknown[]) => void) => {
          if (event !== 'keypress') target.removeListener(event, fn);
          else {
            const at = listeners.indexOf(fn as KeyListener);
            if (at >= 0) listeners.splice(at, 1);
            if (at >= 0 && listeners.length === 0) target.removeListener('keypress', onKeypress);
          }
          return proxy;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}
