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
    public static IReadOnlyDictionary<BoundFile, IReadOnlyList<Diagnostic>> Check(BoundCompilation compilation)
    {
        var found = new Dictionary<BoundFile, IReadOnlyList<Diagnostic>>();
        if (!compilation.HasMemberships)
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
                    || compilation.MembershipsOf(speaker.Id) is not { Count: > 0 } memberships
                    || entity.Field("on_behalf_of") is not { Value: ReferenceValue organization } onBehalfOf
                    || entity.EffectiveDate is not { } date)
                {
                    continue;
                }

                if (!memberships.Any(m => Covers(m, date) && m.Field("org")?.Value is ReferenceValue org && LeadsTo(compilation, org.Id, organization.Id)))
                {
                    (diagnostics ??= new List<Diagnostic>()).Add(new Diagnostic(
                        Rules.SpeakingForOrgWithoutMembership,
                        Rules.SpeakingForOrgWithoutMembership.Format(
                            entity.Kind == DeclarationKind.Speech ? "Speech" : "Statement", entity.Id ?? "(no id)", organization.Id, date, speaker.Id,
                            Rules.DescribeMemberships(memberships.Select(m => (
                                (m.Field("org")?.Value as ReferenceValue)?.Id,
                                (m.Field("from")?.Value as DateValue)?.Date.ToString(),
                                (m.Field("until")?.Value as DateValue)?.Date.ToString())).ToList())),
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

    /// <summary>
    /// The membership of an utterance's speaker that covers its date (LANGUAGE.md §4): the one with the
    /// latest <c>from</c>, ties in file order, among those in <c>on_behalf_of</c> or an org under it when
    /// the utterance has one, else among all; as the runtime's <c>SpeakerMembership</c>.
    /// </summary>
    public static BoundEntity? SpeakerMembership(BoundCompilation compilation, BoundEntity utterance)
    {
        if (utterance.Field("by")?.Value is not ReferenceValue speaker || utterance.EffectiveDate is not { } date)
        {
            return null;
        }

        var onBehalfOf = (utterance.Field("on_behalf_of")?.Value as ReferenceValue)?.Id;
        BoundEntity? best = null;
        foreach (var membership in compilation.MembershipsOf(speaker.Id))
        {
            if (!Covers(membership, date)
                || (onBehalfOf is not null && !(membership.Field("org")?.Value is ReferenceValue org && LeadsTo(compilation, org.Id, onBehalfOf))))
            {
                continue;
            }

            if (best is null || Later((membership.Field("from")?.Value as DateValue)?.Date.Span, (best.Field("from")?.Value as DateValue)?.Date.Span))
            {
                best = membership;
            }
        }

        return best;
    }

    /// <summary>Whether a start comes after another; an open start comes before every date.</summary>
    private static bool Later(Dates.DateSpan? candidate, Dates.DateSpan? best) =>
        candidate is { } c && (best is not { } b || Dates.DateSpan.Compare(c, b) > 0);

    /// <summary>From the start of <c>from</c> to the end of <c>until</c>, an open end unbounded, shares a moment with the date (LANGUAGE.md §4).</summary>
    private static bool Covers(BoundEntity membership, DateLiteral date) =>
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
}
