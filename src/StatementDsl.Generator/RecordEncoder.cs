using System.Globalization;
using System.Text;
using StatementDsl.Language.Semantics;
using StatementDsl.Records;

namespace StatementDsl.Generator;

/// <summary>
/// Writes a bound file in <see cref="RecordFormat"/>: one string per record, already escaped for a C#
/// string literal; the emitter joins them into the file's <c>RecordData</c> attribute.
/// </summary>
internal static class RecordEncoder
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    public static EquatableArray<string> Encode(BoundFile file, SymbolTable table, CancellationToken cancellationToken)
    {
        var indexOf = new Dictionary<BoundEntity, int>();
        for (var i = 0; i < file.Entities.Count; i++)
        {
            indexOf.Add(file.Entities[i], i);
        }

        var transcriptLanguage = (file.Transcript?.Field("language")?.Value as SymbolValue)?.Symbol;
        var records = new List<string>(file.Entities.Count);
        var body = new StringBuilder();
        foreach (var entity in file.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body.Clear();
            WriteEntity(body, entity, entity.Meeting is null ? -1 : indexOf[entity.Meeting], transcriptLanguage, table);
            var text = body.ToString();
            records.Add(CSharpLiteral.Escape(Int(Utf8.GetByteCount(text)) + text));
        }

        return records.ToEquatableArray();
    }

    private static void WriteEntity(StringBuilder body, BoundEntity entity, int meeting, string? transcriptLanguage, SymbolTable table)
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
            WriteValue(body, field, table);
        }
    }

    private static void WriteValue(StringBuilder body, BoundField field, SymbolTable table)
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
                Target(body, reference, table);
                break;
            case ListValue list:
                body.Append((char)(field.Spec.Type == FieldType.ReferenceList ? RecordFormat.ReferenceListTag : RecordFormat.TextListTag));
                body.Append(Int(list.Items.Count));
                foreach (var item in list.Items)
                {
                    if (item is ReferenceValue reference)
                    {
                        Target(body, reference, table);
                    }
                    else
                    {
                        Str(body, ((TextValue)item).Text);
                    }
                }

                break;
        }
    }

    private static void Target(StringBuilder body, ReferenceValue reference, SymbolTable table)
    {
        Str(body, table.OwnedClass(reference.Target.Path));
        Str(body, reference.Id);
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
