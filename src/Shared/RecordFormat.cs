namespace StatementDsl.Records;

/// <summary>
/// The compact form of pre-bound records that the generator writes into a
/// <c>[assembly: RecordData(…)]</c> argument and the runtime reads in place (docs/generator.md). It is
/// UTF-8 text, so that it is a legal attribute string and readable in a golden file:
/// <code>
/// entity = int(length of the rest) kind str(id) int(line) int(column) int(meeting) int(fields) field*
/// field  = str(name) str(language) tag value
/// value  = str | int | str(class) str(id) for a reference | int(count) item* for a list
/// int    = ['-'] digits ';'          str = int(UTF-8 byte count) bytes | '~' (absent)
/// </code>
/// A reference names the generated class of the file that declares its target, so the runtime looks
/// the id up in that one file.
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
}
