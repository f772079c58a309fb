using System.Text;

namespace StatementDsl.Records;

/// <summary>Reads the primitives of <see cref="RecordFormat"/> from a chunk.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> data, int position)
{
    private readonly ReadOnlySpan<byte> data = data;

    public int Position { get; private set; } = position;

    public byte ReadByte() => data[Position++];

    public int ReadInt()
    {
        var negative = data[Position] == (byte)'-';
        if (negative)
        {
            Position++;
        }

        var value = 0;
        byte b;
        while ((b = data[Position++]) != RecordFormat.IntTerminator)
        {
            value = (value * 10) + (b - '0');
        }

        return negative ? -value : value;
    }

    public string? ReadString()
    {
        if (data[Position] == RecordFormat.Absent)
        {
            Position++;
            return null;
        }

        var length = ReadInt();
        var text = Encoding.UTF8.GetString(data.Slice(Position, length));
        Position += length;
        return text;
    }

    public void SkipString()
    {
        if (data[Position] == RecordFormat.Absent)
        {
            Position++;
            return;
        }

        var length = ReadInt();
        Position += length;
    }
}
