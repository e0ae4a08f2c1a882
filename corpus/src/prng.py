"""A small deterministic random generator for the corpus.

Python's `random` module is deterministic for a given version, but its
algorithms for choice/shuffle/randrange have changed between releases.  The
corpus truth must be byte-identical on every machine that regenerates it, so
the generator uses its own SplitMix64 stream, seeded from a string (the
document name plus a salt): adding a document never changes the others.
"""
import hashlib

MASK = (1 << 64) - 1


class Rng:
    """SplitMix64 with the few helpers the generator needs."""

    def __init__(self, seed):
        digest = hashlib.sha256(str(seed).encode("utf-8")).digest()
        self.state = int.from_bytes(digest[:8], "big")

    def next64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        """Uniform integer in [0, n) without modulo bias."""
        if n <= 0:
            raise ValueError("below(0)")
        limit = (MASK + 1) - ((MASK + 1) % n)
        while True:
            x = self.next64()
            if x < limit:
                return x % n

    def randint(self, lo, hi):
        """Uniform integer in [lo, hi], both ends included."""
        return lo + self.below(hi - lo + 1)

    def random(self):
        """Uniform float in [0, 1) built from 53 bits (exact, portable)."""
        return (self.next64() >> 11) / float(1 << 53)

    def chance(self, p):
        return self.random() < p

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def sample(self, seq, k):
        """k distinct items, in the order they were drawn."""
        pool = list(seq)
        out = []
        for _ in range(min(k, len(pool))):
            out.append(pool.pop(self.below(len(pool))))
        return out

    def shuffle(self, seq):
        for i in range(len(seq) - 1, 0, -1):
            j = self.below(i + 1)
            seq[i], seq[j] = seq[j], seq[i]
        return seq

    def weighted(self, pairs):
        """Pick from [(item, integer weight), ...]."""
        total = sum(w for _, w in pairs)
        x = self.below(total)
        for item, w in pairs:
            if x < w:
                return item
            x -= w
        return pairs[-1][0]

    def split(self, total, n, min_part=1):
        """Split an integer total into n positive parts (random proportions)."""
        if n <= 1:
            return [total]
        if total < n * min_part:
            parts = [0] * n
            for i in range(total):
                parts[i % n] += 1
            return parts
        weights = [self.randint(1, 100) for _ in range(n)]
        free = total - n * min_part
        s = sum(weights)
        parts = [min_part + free * w // s for w in weights]
        parts[0] += total - sum(parts)
        return parts

    def child(self, salt):
        """An independent stream for a sub-task, stable under reordering."""
        return Rng("%d/%s" % (self.state, salt))
