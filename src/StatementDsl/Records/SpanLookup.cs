namespace StatementDsl.Records;

/// <summary>
/// Strings mapped to numbers, asked with a span of characters. A reference met while a record's body
/// is decoded names its target's class and id as spans of the image; looking both up here allocates
/// no string for either, where a <see cref="Dictionary{TKey, TValue}"/> keyed by string cannot be
/// asked with a span on .NET 8, the package's target. Ordinal; the first key added wins.
/// </summary>
internal sealed class SpanLookup
{
    private readonly string[] keys;
    private readonly int[] values;

    /// <summary>Open addressing, linear probing: each slot holds an entry's position plus one, or 0 when free.</summary>
    private readonly int[] slots;

    public SpanLookup(int capacity)
    {
        keys = new string[capacity];
        values = new int[capacity];
        var size = 4;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        slots = new int[size];
    }

    public int Count { get; private set; }

    public string KeyAt(int entry) => keys[entry];

    public int ValueAt(int entry) => values[entry];

    /// <summary>Adds <paramref name="key"/> unless it is there already; false then.</summary>
    public bool TryAdd(string key, int value)
    {
        var slot = FindSlot(key.AsSpan());
        if (slots[slot] != 0)
        {
            return false;
        }

        keys[Count] = key;
        values[Count] = value;
        slots[slot] = ++Count;
        return true;
    }

    public bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        var entry = slots[FindSlot(key)];
        value = entry == 0 ? 0 : values[entry - 1];
        return entry != 0;
    }

    /// <summary>The slot that holds <paramref name="key"/>, or the free one where it would go.</summary>
    private int FindSlot(ReadOnlySpan<char> key)
    {
        var mask = slots.Length - 1;
        var slot = string.GetHashCode(key, StringComparison.Ordinal) & mask;
        while (slots[slot] is var entry and not 0 && !key.SequenceEqual(keys[entry - 1]))
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }
}
