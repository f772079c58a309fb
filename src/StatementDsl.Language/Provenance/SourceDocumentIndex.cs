using StatementDsl.Language.Text;

namespace StatementDsl.Language.Provenance;

/// <summary>Where a quote was found: the range in the document's original text and its line and column.</summary>
public sealed record QuoteMatch(int Start, int End, LinePosition Position);

/// <summary>
/// The passage of the document most like a quote that was not found, and where they part: the
/// normalized quote and passage agree on their first <see cref="AgreeingLength"/> characters.
/// </summary>
public sealed record ClosestPassage(string Passage, LinePosition Position, string Quote, int AgreeingLength, string QuoteAfter, string DocumentAfter);

/// <summary>
/// A source document indexed for quote lookup. Every run of <see cref="GramLength"/> normalized
/// characters is chained by its hash, as a compressor's match finder does, so finding a quote walks only
/// the positions of its rarest run: N quotes in a document of M characters cost about M + the quotes'
/// length, not N × M (docs/benchmarks.md, quote_lookup).
/// </summary>
public sealed class SourceDocumentIndex
{
    /// <summary>Runs this long are rare enough in prose to pin a quote down, and short enough for short quotes.</summary>
    internal const int GramLength = 5;

    /// <summary>Runs more frequent than this do not vote for the closest passage: they would cost time and say nothing.</summary>
    private const int MaxVotingOccurrences = 512;

    /// <summary>How far around the quote's place a passage may stretch to take in words the quote dropped or added.</summary>
    private const int MinimumSlack = 16;

    private const uint HashBase = 31;

    /// <summary>HashBase to the power GramLength - 1: the weight of the character a rolling hash drops.</summary>
    private const uint HighestPower = HashBase * HashBase * HashBase * HashBase;

    private const int ShownPassageLength = 160;
    private const int ShownDifferenceLength = 24;

    private readonly QuoteText normalized;
    private readonly SourceFile original;
    private readonly int[] head;
    private readonly int[] next;
    private readonly int[] count;
    private readonly int mask;

    private SourceDocumentIndex(string path, string text, CancellationToken cancellationToken)
    {
        original = new SourceFile(path, text);
        normalized = QuoteText.Normalize(text, cancellationToken);
        var length = normalized.Text.Length;
        var buckets = 1024;
        while (buckets < length && buckets < (1 << 24))
        {
            buckets <<= 1;
        }

        mask = buckets - 1;
        head = new int[buckets];
        count = new int[buckets];
        next = new int[Math.Max(0, length - GramLength + 1)];
        for (var i = 0; i < buckets; i++)
        {
            head[i] = -1;
        }

        // The hash of each run is rolled from the one before: one multiplication per character.
        var document = normalized.Text;
        var hash = next.Length == 0 ? 0u : Hash(document, 0);
        for (var position = 0; position < next.Length; position++)
        {
            if ((position & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (position > 0)
            {
                hash = unchecked(((hash - (document[position - 1] * HighestPower)) * HashBase) + document[position + GramLength - 1]);
            }

            var bucket = BucketOf(hash);
            next[position] = head[bucket];
            head[bucket] = position;
            count[bucket]++;
        }
    }

    public string Path => original.Path;

    public string Text => original.Text;

    public static SourceDocumentIndex Create(string path, string text, CancellationToken cancellationToken = default) =>
        new(path, text, cancellationToken);

    /// <summary>
    /// Where the quote stands in the document: its parts between ellipses in order, each after the one
    /// before; null when a part is not found (then <see cref="Closest"/> tells the author what is there).
    /// </summary>
    public QuoteMatch? Find(string quote)
    {
        var parts = QuoteText.SplitAtEllipses(quote);
        if (parts.Count == 0)
        {
            return null;
        }

        var from = 0;
        var first = -1;
        var end = 0;
        foreach (var part in parts)
        {
            var at = Find(part.Text, from);
            if (at < 0)
            {
                return null;
            }

            first = first < 0 ? at : first;
            end = at + part.Text.Length;
            from = end;
        }

        var start = normalized.OriginOf(first);
        return new QuoteMatch(start, normalized.OriginAfter(end, original.Text), original.GetPosition(start));
    }

    /// <summary>The passage most like the first part of the quote that is not found; null when nothing in the document resembles it.</summary>
    public ClosestPassage? Closest(string quote)
    {
        var from = 0;
        foreach (var part in QuoteText.SplitAtEllipses(quote))
        {
            var at = Find(part.Text, from);
            if (at >= 0)
            {
                from = at + part.Text.Length;
                continue;
            }

            return ClosestTo(part.Text);
        }

        return null;
    }

    private ClosestPassage? ClosestTo(string part)
    {
        // Each run of the quote votes for where the quote would start if that run were in place; the
        // start with the most votes is the passage, stretched to the last run that agrees near it.
        var document = normalized.Text;
        var votes = new Dictionary<int, int>();
        for (var i = 0; i + GramLength <= part.Length; i++)
        {
            var bucket = Bucket(part, i);
            if (count[bucket] > MaxVotingOccurrences)
            {
                continue;
            }

            for (var position = head[bucket]; position >= 0; position = next[position])
            {
                if (string.CompareOrdinal(document, position, part, i, GramLength) == 0)
                {
                    var start = position - i;
                    votes[start] = votes.TryGetValue(start, out var n) ? n + 1 : 1;
                }
            }
        }

        if (votes.Count == 0)
        {
            return null;
        }

        var best = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;
        var slack = Math.Max(MinimumSlack, part.Length / 4);
        var passageEnd = best + part.Length;
        foreach (var vote in votes)
        {
            if (Math.Abs(vote.Key - best) <= slack)
            {
                passageEnd = Math.Max(passageEnd, vote.Key + part.Length);
            }
        }

        var passageStart = WordStart(document, Math.Max(0, best));
        passageEnd = WordEnd(document, Math.Min(document.Length, passageEnd));
        var agreeing = 0;
        var alignedStart = Math.Max(0, best);
        while (agreeing < part.Length && alignedStart + agreeing < document.Length && part[agreeing] == document[alignedStart + agreeing])
        {
            agreeing++;
        }

        // The difference is shown from the start of the word it falls in: "حمص" against "حلب", not "مص" against "لب".
        if (agreeing > 0 && agreeing < part.Length && part[agreeing] != ' ' && part[agreeing - 1] != ' ')
        {
            agreeing = part.LastIndexOf(' ', Math.Max(0, agreeing - 1)) + 1;
        }

        var origin = normalized.OriginOf(passageStart);
        var passage = document.Substring(passageStart, Math.Max(0, passageEnd - passageStart));
        return new ClosestPassage(
            Shorten(passage, ShownPassageLength),
            original.GetPosition(origin),
            part,
            agreeing,
            Shorten(part.Substring(agreeing), ShownDifferenceLength),
            Shorten(document.Substring(alignedStart + agreeing, Math.Min(ShownDifferenceLength + 1, document.Length - alignedStart - agreeing)), ShownDifferenceLength));
    }

    /// <summary>The first place at or after <paramref name="from"/> where the normalized part stands, or -1.</summary>
    private int Find(string part, int from)
    {
        var document = normalized.Text;
        if (part.Length < GramLength || next.Length == 0)
        {
            return document.IndexOf(part, Math.Min(from, document.Length), StringComparison.Ordinal);
        }

        // The run of the quote whose hash is rarest in the document has the shortest chain to walk.
        var rarest = 0;
        var fewest = int.MaxValue;
        var hash = Hash(part, 0);
        for (var i = 0; i + GramLength <= part.Length; i++)
        {
            if (i > 0)
            {
                hash = unchecked(((hash - (part[i - 1] * HighestPower)) * HashBase) + part[i + GramLength - 1]);
            }

            var occurrences = count[BucketOf(hash)];
            if (occurrences < fewest)
            {
                fewest = occurrences;
                rarest = i;
                if (occurrences == 0)
                {
                    return -1;
                }
            }
        }

        var found = -1;
        for (var position = head[Bucket(part, rarest)]; position >= 0; position = next[position])
        {
            // A chain runs from the last position to the first, so the earliest match is the last one met.
            var start = position - rarest;
            if (start < from)
            {
                break;
            }

            if (start + part.Length <= document.Length && string.CompareOrdinal(document, start, part, 0, part.Length) == 0)
            {
                found = start;
            }
        }

        return found;
    }

    private int Bucket(string text, int start) => BucketOf(Hash(text, start));

    private static uint Hash(string text, int start)
    {
        var hash = 0u;
        for (var i = start; i < start + GramLength; i++)
        {
            hash = unchecked((hash * HashBase) + text[i]);
        }

        return hash;
    }

    private int BucketOf(uint hash) => (int)(unchecked(hash * 2654435761u) >> 8) & mask;

    private static int WordStart(string text, int index)
    {
        while (index > 0 && text[index - 1] != ' ')
        {
            index--;
        }

        return index;
    }

    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && text[index] != ' ')
        {
            index++;
        }

        return index;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
}
