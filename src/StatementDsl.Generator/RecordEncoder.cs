using System.Globalization;
using System.Text;
using StatementDsl.Language.Semantics;
using StatementDsl.Records;

namespace StatementDsl.Generator;

/// <summary>
/// Writes a bound file in <see cref="RecordFormat"/>: records already escaped for a C# u8 literal,
/// grouped into chunks of about <see cref="RecordFormat.ChunkBytes"/> bytes, each emitted as one literal.
/// </summary>
internal static class RecordEncoder
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    public static EquatableArray<EquatableArray<string>> Encode(BoundFile file, CancellationToken cancellationToken)
    {
        var indexOf = new Dictionary<BoundEntity, int>();
        for (var i = 0; i < file.Entities.Count; i++)
        {
            indexOf.Add(file.Entities[i], i);
        }

        var transcriptLanguage = (file.Transcript?.Field("language")?.Value as SymbolValue)?.Symbol;
        var chunks = new List<EquatableArray<string>>();
        var lines = new List<string>();
        var chunkBytes = 0;
        var body = new StringBuilder();
        foreach (var entity in file.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body.Clear();
            WriteEntity(body, entity, entity.Meeting is null ? -1 : indexOf[entity.Meeting], transcriptLanguage);
            var text = body.ToString();
            var bytes = Utf8.GetByteCount(text);
            var record = Int(bytes) + text;
            lines.Add(CSharpLiteral.Escape(record));
            chunkBytes += bytes;
            if (chunkBytes >= RecordFormat.ChunkBytes)
            {
                chunks.Add(lines.ToEquatableArray());
                lines.Clear();
                chunkBytes = 0;
            }
        }

        if (lines.Count > 0)
        {
            chunks.Add(lines.ToEquatableArray());
        }

        return chunks.ToEquatableArray();
    }

    private static void WriteEntity(StringBuilder body, BoundEntity entity, int meeting, string? transcriptLanguage)
    {
        body.Append((char)KindCode(entity.Kind));
        Str(body, entity.Id);
        var origin = entity.Origin.Start;
        body.Append(Int(origin.Line)).Append(Int(origin.Column)).Append(Int(meeting)).Append(Int(entity.Fields.Count));
        var spokenLanguage = (entity.Field("language")?.Value as SymbolValue)?.Symbol;
        foreach (var field in entity.Fields)
        {
            Str(body, field.Name);
            var language = field.Spec.IsContent ? field.Language ?? spokenLanguage ?? transcriptLanguage : field.Language;
            Str(body, language);
            WriteValue(body, field);
        }
    }

    private static void WriteValue(StringBuilder body, BoundField field)
    {
        switch (field.Value)
        {
            case TextValue text:
                body.Append((char)RecordFormat.TextTag);
                Str(body, text.Text);
                break;
            case DateValue { Date: var date }:
                body.Append((char)(date.Time is null ? RecordFormat.DateTag : RecordFormat.TimeTag));
                Str(body, date.ToString());
                break;
            case TimeValue time:
                body.Append((char)RecordFormat.TimeTag);
                Str(body, time.Time.ToString());
                break;
            case IntegerValue integer:
                body.Append((char)RecordFormat.IntegerTag).Append(integer.Value.ToString(CultureInfo.InvariantCulture)).Append((char)RecordFormat.IntTerminator);
                break;
            case SymbolValue symbol:
                body.Append((char)RecordFormat.SymbolTag);
                Str(body, symbol.Symbol);
                break;
            case ReferenceValue reference:
                body.Append((char)RecordFormat.ReferenceTag);
                Str(body, reference.Id);
                break;
            case ListValue list:
                body.Append((char)(field.Spec.Type == FieldType.ReferenceList ? RecordFormat.ReferenceListTag : RecordFormat.TextListTag));
                body.Append(Int(list.Items.Count));
                foreach (var item in list.Items)
                {
                    Str(body, item is ReferenceValue reference ? reference.Id : ((TextValue)item).Text);
                }

                break;
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture) + (char)RecordFormat.IntTerminator;

    /// <summary>A length-prefixed string; lone surrogates (already reported as STMT0007) become U+FFFD so the literal is valid UTF-8.</summary>
    private static void Str(StringBuilder body, string? value)
    {
        if (value is null)
        {
            body.Append((char)RecordFormat.Absent);
            return;
        }

        var clean = CSharpLiteral.ReplaceLoneSurrogates(value);
        body.Append(Int(Utf8.GetByteCount(clean))).Append(clean);
    }

    private static byte KindCode(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Transcript => RecordFormat.TranscriptKind,
        DeclarationKind.Person => RecordFormat.PersonKind,
        DeclarationKind.Org => RecordFormat.OrganizationKind,
        DeclarationKind.Meeting => RecordFormat.MeetingKind,
        DeclarationKind.Speech => RecordFormat.SpeechKind,
        DeclarationKind.Statement => RecordFormat.StatementKind,
        DeclarationKind.Walkout => RecordFormat.WalkoutKind,
        DeclarationKind.Vote => RecordFormat.VoteKind,
        _ => RecordFormat.EventKind,
    };
}
