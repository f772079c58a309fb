namespace StatementDsl.Records;

/// <summary>
/// The compact form of pre-bound records that the generator writes into two string constants per
/// <c>.stmt</c> file, headers and bodies, and the runtime reads in place from the assembly's metadata
/// (docs/generator.md).
/// It is text, so that it is a legal C# string and readable in a golden file; lengths count UTF-16
/// code units, because a constant is stored as UTF-16 and a string is then cut from it by a copy:
/// <code>
/// headers = str(path) int(count) header{count}           (one constant per file, all files side by side)
/// header  = kind str(id) int(line) int(column) int(meeting's record index, or -1) int(body length)
/// bodies  = body{count}                                   (another constant per file)
/// body    = int(fields) field*
/// field  = int(number in FieldNames) str(language) tag value
/// value  = str | int | str(class) str(id) for a reference | int(count) item* for a list
///        | str(text) str(document) int(line) int(column) for a quote found in its source document
/// int    = ['-'] digits ';'          str = int(length) chars | '~' (absent)
/// </code>
/// Headers and bodies are apart so that reaching every record and its id reads only the headers, a
/// few pages of the image for all files; a file's bodies are located when one of its fields is read. A reference names the generated class of the file that
/// declares its target, so the runtime looks the id up in that one file.
/// </summary>
internal static class RecordFormat
{
    public const char Absent = '~';
    public const char IntTerminator = ';';

    public const char TextTag = 's';
    public const char LocatedTextTag = 'q';
    public const char DateTag = 'd';
    public const char TimeTag = 't';
    public const char IntegerTag = 'i';
    public const char SymbolTag = 'e';
    public const char ReferenceTag = 'r';
    public const char TextListTag = 'S';
    public const char ReferenceListTag = 'R';

    public const char TranscriptKind = 'T';
    public const char PersonKind = 'P';
    public const char OrganizationKind = 'O';
    public const char MeetingKind = 'M';
    public const char SpeechKind = 'S';
    public const char StatementKind = 'A';
    public const char WalkoutKind = 'W';
    public const char VoteKind = 'V';
    public const char EventKind = 'E';
    public const char MembershipKind = 'B';

    /// <summary>Every field name of the language (LANGUAGE.md §4); a field is written as its index here. Append only.</summary>
    public static readonly string[] FieldNames =
    [
        "name", "quote", "paraphrase", "note", "by", "date", "as", "language", "via", "to", "role", "for", "kind", "country",
        "title", "body", "convened_by", "during", "time", "alias", "parent", "abbr", "wikidata", "source", "published",
        "translated_from", "status", "number", "start", "end", "timezone", "place", "chair", "agenda", "record",
        "on_behalf_of", "url", "reported_by", "on", "against", "abstain", "outcome", "type", "person", "org", "from", "until",
        "source_document",
    ];
}
