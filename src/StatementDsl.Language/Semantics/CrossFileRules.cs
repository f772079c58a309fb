using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Semantics;

/// <summary>
/// The rules that need records of other files, checked once a compilation is composed: whether an
/// utterance on behalf of an org was made while its speaker was a member of it (STMT1016). A person's
/// memberships may stand in any file, and an org's parent chain may cross files.
/// </summary>
internal static class CrossFileRules
{
    /// <summary>Memberships named in a message before it says how many more there are.</summary>
    private const int MembershipsNamed = 3;

    public static IReadOnlyDictionary<BoundFile, IReadOnlyList<Diagnostic>> Check(BoundCompilation compilation)
    {
        var membershipsByPerson = new Dictionary<string, List<BoundEntity>>(StringComparer.Ordinal);
        foreach (var file in compilation.Files)
        {
            foreach (var entity in file.Entities)
            {
                if (entity.Kind == DeclarationKind.Membership && entity.Field("person")?.Value is ReferenceValue person)
                {
                    if (!membershipsByPerson.TryGetValue(person.Id, out var list))
                    {
                        membershipsByPerson.Add(person.Id, list = new List<BoundEntity>());
                    }

                    list.Add(entity);
                }
            }
        }

        var found = new Dictionary<BoundFile, IReadOnlyList<Diagnostic>>();
        if (membershipsByPerson.Count == 0)
        {
            return found;
        }

        foreach (var file in compilation.Files)
        {
            List<Diagnostic>? diagnostics = null;
            foreach (var entity in file.Entities)
            {
                if (entity.Kind is not (DeclarationKind.Speech or DeclarationKind.Statement)
                    || entity.Field("by")?.Value is not ReferenceValue speaker
                    || !membershipsByPerson.TryGetValue(speaker.Id, out var memberships)
                    || entity.Field("on_behalf_of") is not { Value: ReferenceValue organization } onBehalfOf
                    || entity.EffectiveDate is not { } date)
                {
                    continue;
                }

                if (!memberships.Exists(m => Covers(m, date) && m.Field("org")?.Value is ReferenceValue org && LeadsTo(compilation, org.Id, organization.Id)))
                {
                    (diagnostics ??= new List<Diagnostic>()).Add(new Diagnostic(
                        Rules.SpeakingForOrgWithoutMembership,
                        Rules.SpeakingForOrgWithoutMembership.Format(
                            entity.Kind == DeclarationKind.Speech ? "Speech" : "Statement", entity.Id ?? "(no id)", organization.Id, date, speaker.Id, Known(memberships)),
                        Location.Create(file.Lines, onBehalfOf.ValueSpan)));
                }
            }

            if (diagnostics is not null)
            {
                found.Add(file, diagnostics);
            }
        }

        return found;
    }

    /// <summary>From the start of <c>from</c> to the end of <c>until</c>, an open end unbounded, shares a moment with the date (LANGUAGE.md §4).</summary>
    internal static bool Covers(BoundEntity membership, DateLiteral date) =>
        Dates.DateSpan.Covers(
            (membership.Field("from")?.Value as DateValue)?.Date.Span,
            (membership.Field("until")?.Value as DateValue)?.Date.Span,
            date.Span);

    /// <summary>Whether <paramref name="orgId"/> is <paramref name="targetId"/> or its parent chain leads there; a cycle ends the walk.</summary>
    private static bool LeadsTo(BoundCompilation compilation, string orgId, string targetId)
    {
        var current = orgId;
        for (var step = 0; step <= Limits.MaxNestingDepth; step++)
        {
            if (string.Equals(current, targetId, StringComparison.Ordinal))
            {
                return true;
            }

            if (!compilation.EntitiesById.TryGetValue(current, out var org) || org.Field("parent")?.Value is not ReferenceValue parent)
            {
                return false;
            }

            current = parent.Id;
        }

        return false;
    }

    /// <summary>"; known: uk (2016-03 – 2018-08), …" so the author sees which date or org is off.</summary>
    private static string Known(List<BoundEntity> memberships)
    {
        var named = memberships.Take(MembershipsNamed).Select(m =>
            ((m.Field("org")?.Value as ReferenceValue)?.Id ?? "?") + " ("
            + ((m.Field("from")?.Value as DateValue)?.Date.ToString() ?? "…") + " – "
            + ((m.Field("until")?.Value as DateValue)?.Date.ToString() ?? "…") + ")");
        var more = memberships.Count > MembershipsNamed ? ", and " + (memberships.Count - MembershipsNamed).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more" : string.Empty;
        return "; its memberships: " + string.Join(", ", named) + more;
    }
}
