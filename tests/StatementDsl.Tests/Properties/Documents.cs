using System.Text;
using CsCheck;

namespace StatementDsl.Tests.Properties;

/// <summary>CsCheck generators of .stmt text: valid documents from the grammar, and arbitrary or mutated text.</summary>
internal static class Documents
{
    private static readonly string[] People = ["p0", "p1", "دي_ميستورا", "p3"];
    private static readonly string[] Orgs = ["o0", "o1", "روسيا"];

    private static readonly Gen<char> TextChar = Gen.OneOf(
        Gen.Char['a', 'z'],
        Gen.Char['\u0621', '\u064A'],
        Gen.OneOfConst(' ', ' ', '"', '\\', ',', '.', '«', '»', '—', '\u2067', '\u2069'));

    /// <summary>Plain text with balanced isolates; quotes and backslashes included.</summary>
    private static readonly Gen<string> Text = TextChar.Array[0, 30].Select(chars =>
    {
        var value = new string(chars.Where(c => !char.IsSurrogate(c)).ToArray()).Replace("\u2067", string.Empty).Replace("\u2069", string.Empty);
        return chars.Contains('\u2067') ? "\u2067" + value + "\u2069" : value;
    });

    private static readonly Gen<string> StringLiteral = Text.Select(t => "\"" + t.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");

    private static readonly Gen<string> TextBlockLines = Text.Where(t => !t.Contains("\"\"\"") && t.Trim().Length > 0).Array[1, 3]
        .Select(lines => string.Join("\n", lines));

    private static readonly Gen<string> Comment = Gen.OneOfConst("// note", "// تعليق", "// TODO: check the source", string.Empty, string.Empty, string.Empty);

    private static readonly Gen<string> Space = Gen.OneOfConst(" ", "  ", "\t", " ");

    /// <summary>A time as a date-time ends: to the minute or the second, local or with an offset (LANGUAGE.md §2).</summary>
    internal static readonly Gen<string> Time = Gen.Select(
        Gen.Int[0, 23], Gen.Int[0, 59], Gen.OneOf(Gen.Const(string.Empty), Gen.Int[0, 59].Select(s => $":{s:00}")),
        Gen.OneOf(Gen.Const(string.Empty), Gen.Const("Z"), Gen.Select(Gen.OneOfConst('+', '-'), Gen.Int[0, 13], Gen.OneOfConst(0, 30, 45), (sign, h, m) => $"{sign}{h:00}:{m:00}").Where(o => o[1..] != "00:00")),
        (h, m, s, offset) => $"{h:00}:{m:00}{s}{offset}");

    private static readonly Gen<string> Date = Gen.OneOf(
        Gen.Int[1900, 2030].Select(y => y.ToString("0000")),
        Gen.Select(Gen.Int[1900, 2030], Gen.Int[1, 12], (y, m) => $"{y:0000}-{m:00}"),
        Gen.Select(Gen.Int[1900, 2030], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => $"{y:0000}-{m:00}-{d:00}"),
        Gen.Select(Gen.Int[1900, 2030], Gen.Int[1, 12], Gen.Int[1, 28], Time, (y, m, d, t) => $"{y:0000}-{m:00}-{d:00}T{t}"));

    /// <summary>A field as (text, is it a text block), so that layouts can place it.</summary>
    private static Gen<string> Content(string name) => Gen.OneOf(
        Gen.Select(Gen.OneOfConst(name, name + "@en", name + "@ar"), StringLiteral, (n, v) => n + ": " + v),
        TextBlockLines.Select(lines => name + ": \"\"\"\n" + string.Join("\n", lines.Split('\n').Select(l => "  " + l)) + "\n  \"\"\""));

    private static Gen<string> Block(string head, Gen<string[]> fields) =>
        Gen.Select(fields, Gen.Bool, Space, Comment, (items, oneLine, space, comment) =>
        {
            var simple = oneLine && items.All(i => !i.Contains('\n', StringComparison.Ordinal));
            if (simple)
            {
                return head + " {" + space + string.Join(space + space, items) + space + "}" + (comment.Length > 0 ? " " + comment : string.Empty);
            }

            var builder = new StringBuilder(head).Append(" {").Append(comment.Length > 0 ? " " + comment : string.Empty).Append('\n');
            foreach (var item in items)
            {
                builder.Append(space).Append(item.Replace("\n", "\n" + space, StringComparison.Ordinal)).Append('\n');
            }

            return builder.Append('}').ToString();
        });

    /// <summary>A membership nested in its person, the person implied: open-ended, so that it never ends before it starts.</summary>
    private static readonly Gen<string> NestedMembership = Gen.Select(Gen.OneOfConst(Orgs), Date, StringLiteral,
        (org, from, role) => "membership { org: " + org + "  role: " + role + "  from: " + from + " }");

    private static Gen<string> Person(string id) => Gen.Select(StringLiteral, Gen.OneOfConst(Orgs), Gen.Bool, NestedMembership.Array[0, 2], (name, org, withFor, memberships) =>
        new[] { "name: " + name }.Concat(withFor ? ["for: " + org] : Array.Empty<string>()).Concat(memberships).ToArray())
        .SelectMany(fields => Block("person " + id, Gen.Const(fields)));

    private static Gen<string> Org(string id) => Gen.Select(StringLiteral, Gen.OneOfConst("state", "body", "ngo"), (name, kind) =>
        Block("org " + id, Gen.Const(new[] { "name: " + name, "kind: " + kind, "country: GB" }))).SelectMany(g => g);

    /// <summary>Every person and org that the other declarations may refer to.</summary>
    private static readonly Gen<string[]> Roster = People.Select(Person).Concat(Orgs.Select(Org))
        .Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (list, item) => list.Append(item).ToArray()));

    private static readonly Gen<string> Speech = Gen.Select(Gen.Int[0, 999], Gen.OneOfConst(People.Concat(Orgs).ToArray()), Content("quote").Array[0, 3], Content("paraphrase").Array[0, 2],
        (n, by, quotes, paraphrases) => Block("speech s" + n, Gen.Const(new[] { "by: " + by }.Concat(quotes).Concat(paraphrases).ToArray()))).SelectMany(g => g);

    private static readonly Gen<string> Meeting = Gen.Select(Gen.Int[0, 999], Date, Speech.Array[0, 3], Gen.OneOfConst(Orgs).Array[0, 3], (n, date, speeches, conveners) =>
    {
        var builder = new StringBuilder("meeting m" + n + " {\n  date: " + date + "\n");
        if (conveners.Length > 0)
        {
            builder.Append("  convened_by: [").Append(string.Join(", ", conveners)).Append("]\n");
        }

        foreach (var speech in speeches)
        {
            builder.Append("  ").Append(speech.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        }

        return builder.Append('}').ToString();
    });

    private static readonly Gen<string> Statement = Gen.Select(Gen.Int[0, 999], Gen.OneOfConst(People), Date, Content("quote").Array[1, 2],
        (n, by, date, quotes) => Block("statement st" + n, Gen.Const(new[] { "by: " + by, "date: " + date, "via: press" }.Concat(quotes).ToArray()))).SelectMany(g => g);

    /// <summary>A whole document: some declarations, blank lines and comments between them.</summary>
    public static readonly Gen<string> Valid = Gen.Select(Roster, Gen.OneOf(Meeting, Statement).Array[0, 4], Gen.OneOfConst("\n", "\n\n", "\n// between\n"), Gen.OneOfConst("\n", "\r\n"),
        (roster, declarations, separator, newline) => Renumber(string.Join(separator, roster.Concat(declarations))).Replace("\n", newline, StringComparison.Ordinal) + newline);

    /// <summary>Any text at all, weighted towards the characters that matter to the lexer.</summary>
    public static readonly Gen<string> Arbitrary = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 200].Select(c => new string(c)),
        Gen.OneOfConst("{", "}", "[", "]", ":", ",", "@", "\"", "\"\"\"", "\n", "\r", " ", "person", "meeting", "speech", "a", "2016-09-25", "10:30", "//", "\\", "\u202E", "\u2067", "\0", "\uFFFD", "\uD800", "-")
            .Array[0, 80].Select(parts => string.Concat(parts)));

    /// <summary>A valid document with a few random edits: deletions, insertions and replacements.</summary>
    public static readonly Gen<string> Mutated = Gen.Select(Valid, Gen.Int[0, 1000].Array[1, 6], Gen.OneOfConst("{", "}", "\"", "\"\"\"", "[", ":", "\n", "x", "#", "\u202E", "").Array[6], (text, positions, inserts) =>
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < positions.Length; i++)
        {
            var at = positions[i] % (builder.Length + 1);
            if (i % 2 == 0 && at < builder.Length)
            {
                builder.Remove(at, 1);
            }

            builder.Insert(Math.Min(at, builder.Length), inserts[i]);
        }

        return builder.ToString();
    });

    /// <summary>Gives every generated meeting, speech and statement an id of its own, so that "valid" means valid.</summary>
    private static string Renumber(string text)
    {
        var next = 0;
        return System.Text.RegularExpressions.Regex.Replace(text, @"\b(meeting m|speech s|statement st)\d+", m => m.Groups[1].Value + next++);
    }
}
