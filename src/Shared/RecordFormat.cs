namespace StatementDsl.Records;

/// <summary>
/// The compact form of pre-bound records that the generator writes into <c>"…"u8</c> literals and
/// the runtime reads (docs/record-format.md). It is UTF-8 text, so that it is legal in a u8
/// literal and readable in a golden file:
/// <code>
/// entity = int(length of the rest) kind str(id) int(line) int(column) int(meeting) int(fields) field*
/// field  = str(name) str(language) tag value
/// int    = ['-'] digits ';'          str = int(UTF-8 byte count) bytes | '~' (absent)
/// </code>
/// </summary>
internal static class RecordFormat
{
    public const byte Absent = (byte)'~';
    public const byte IntTerminator = (byte)';';

    public const byte TextTag = (byte)'s';
    public const byte DateTag = (byte)'d';
    public const byte TimeTag = (byte)'t';
    public const byte IntegerTag = (byte)'i';
    public const byte SymbolTag = (byte)'e';
    public const byte ReferenceTag = (byte)'r';
    public const byte TextListTag = (byte)'S';
    public const byte ReferenceListTag = (byte)'R';

    public const byte TranscriptKind = (byte)'T';
    public const byte PersonKind = (byte)'P';
    public const byte OrganizationKind = (byte)'O';
    public const byte MeetingKind = (byte)'M';
    public const byte SpeechKind = (byte)'S';
    public const byte StatementKind = (byte)'A';
    public const byte WalkoutKind = (byte)'W';
    public const byte VoteKind = (byte)'V';
    public const byte EventKind = (byte)'E';

    /// <summary>
    /// A chunk is closed once it holds this many bytes, so no single literal grows without bound. Each
    /// chunk is one literal: joining literals with <c>"…"u8 + "…"u8</c> costs the compiler 17 times more
    /// (measured: 8.5 s against 0.5 s for a meeting of 20,000 speeches, docs/generator.md).
    /// </summary>
    public const int ChunkBytes = 64 * 1024;
}
