using System.Globalization;
using System.Text;

namespace StatementDsl.Language.Semantics;

/// <summary>The C# names of LANGUAGE.md §6, shared by the binder (for STMT1012) and the generator.</summary>
public static class CSharpNames
{
    /// <summary>Members every generated file class has; an id may not map to one of them.</summary>
    public static readonly IReadOnlyList<string> ReservedMembers = new[] { "Transcript", "People", "Organizations", "Meetings", "Statements", "Memberships" };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Grows only to the longest id (at most <see cref="Limits.MaxIdentifierLength"/>) or file name it is given.</summary>
    [ThreadStatic]
    private static StringBuilder? nameBuilder;

    /// <summary>
    /// Splits on <c>_</c>, <c>-</c> and anything a C# identifier cannot hold, upper-cases the first
    /// letter of each part that has case, and joins; parts in caseless scripts keep an <c>_</c>
    /// between them. A keyword gets <c>@</c>; a name that would start with a digit gets <c>_</c>.
    /// </summary>
    public static string ToPascalCase(string id)
    {
        // Parts are appended from the id in place, in one builder per thread: this runs for every id of every build.
        var builder = nameBuilder ??= new StringBuilder();
        builder.Clear();
        var previousCaseless = false;
        var partStart = 0;
        for (var i = 0; i <= id.Length; i++)
        {
            if (i < id.Length && IsIdentifierPart(id, i))
            {
                continue;
            }

            if (i > partStart)
            {
                AppendPart(builder, id, partStart, i, ref previousCaseless);
            }

            partStart = i + 1;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var name = builder.ToString();
        return Keywords.Contains(name) ? "@" + name : name;
    }

    private static void AppendPart(StringBuilder builder, string id, int start, int end, ref bool previousCaseless)
    {
        var first = id[start];
        var caseless = !HasCase(first);
        if (builder.Length > 0 && (caseless || previousCaseless) && !char.IsDigit(first))
        {
            builder.Append('_');
        }

        builder.Append(caseless ? first : char.ToUpperInvariant(first)).Append(id, start + 1, end - start - 1);
        previousCaseless = caseless && !char.IsDigit(id[end - 1]);
    }

    /// <summary>The class of a file: the transcript's id when there is one, else the file name without extension.</summary>
    public static string ClassName(string path, string? transcriptId)
    {
        if (transcriptId is not null)
        {
            return ToPascalCase(transcriptId);
        }

        var name = path;
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0)
        {
            name = name.Substring(slash + 1);
        }

        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name.Substring(0, dot);
        }

        return ToPascalCase(name);
    }

    /// <summary>Whether the character has case; most ids are ASCII, where that is being a letter.</summary>
    private static bool HasCase(char c) => c < 128 ? IsAsciiLetter(c) : char.ToUpperInvariant(c) != char.ToLowerInvariant(c);

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsIdentifierPart(string text, int index)
    {
        var c = text[index];
        if (c < 128)
        {
            // The ASCII letters and digits are exactly the ASCII characters of the categories below.
            return IsAsciiLetter(c) || (c >= '0' && c <= '9');
        }

        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]) && IsIdentifierPart(text, index - 1);
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;
    }
}
