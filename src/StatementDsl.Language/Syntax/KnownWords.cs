using StatementDsl.Language.Semantics;

namespace StatementDsl.Language.Syntax;

/// <summary>
/// The words most identifiers are (kind keywords, field names, enumerated values, common language
/// tags), found in the source without cutting a string, so the lexer shares one string per word
/// instead of allocating one per occurrence (about three identifiers in four of a typical file).
/// </summary>
internal static class KnownWords
{
    private static readonly string[] CommonLanguageTags = { "ar", "en", "fr", "ru", "es", "zh", "de" };

    /// <summary>Candidates by length and first character, so a lookup compares a handful of words at most.</summary>
    private static readonly Dictionary<int, string[]> ByShape = DeclarationKinds.Keywords
        .Concat(Enum.GetValues(typeof(DeclarationKind)).Cast<DeclarationKind>().SelectMany(DeclarationKinds.Fields).SelectMany(f => f.EnumValues.Prepend(f.Name)))
        .Concat(CommonLanguageTags)
        .Distinct(StringComparer.Ordinal)
        .GroupBy(word => Shape(word.Length, word[0]))
        .ToDictionary(group => group.Key, group => group.ToArray());

    /// <summary>The shared string equal to <paramref name="length"/> characters of <paramref name="text"/> at <paramref name="start"/>; null when it is no known word.</summary>
    public static string? Find(char[] text, int start, int length)
    {
        if (!ByShape.TryGetValue(Shape(length, text[start]), out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (StandsAt(text, start, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int Shape(int length, char first) => (length << 16) | first;

    /// <summary>Whether <paramref name="word"/> stands in <paramref name="text"/> at <paramref name="start"/>; the caller has checked that it fits.</summary>
    internal static bool StandsAt(char[] text, int start, string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (text[start + i] != word[i])
            {
                return false;
            }
        }

        return true;
    }
}
