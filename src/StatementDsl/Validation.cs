using StatementDsl.Language.Diagnostics;

namespace StatementDsl;

public enum ValidationSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found by <see cref="StatementValidator"/>, with the id of LANGUAGE.md §5.</summary>
public sealed record ValidationProblem(string Id, ValidationSeverity Severity, string Message, SourceLocation? Origin);

/// <summary>
/// Applies the rule catalog that the analyzers and <c>stmt check</c> use to records built at run
/// time, so that objects made in C# meet the same rules as those read from <c>.stmt</c> files.
/// </summary>
public static class StatementValidator
{
    /// <summary>Validates a record and what it holds (a meeting's speeches and events), or each item of a sequence.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<ValidationProblem>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(value, problems, seen);
        return problems;
    }

    private static void Visit(object value, List<ValidationProblem> problems, HashSet<object> seen)
    {
        if (!seen.Add(value))
        {
            return;
        }

        switch (value)
        {
            case Speech speech:
                CheckUtterance(speech, "speech", problems);
                if (speech.Date is null)
                {
                    Report(problems, Rules.MissingDate, speech, $"Speech '{Label(speech)}' has no date, and neither has its meeting");
                }
                else if (speech.OwnDate is PartialDate own && speech.Meeting?.Date is PartialDate meetingDate && !own.IsWithin(meetingDate))
                {
                    Report(problems, Rules.SpeechOutsideMeetingDate, speech, Rules.SpeechOutsideMeetingDate.Format(Label(speech), own, meetingDate));
                }

                break;
            case Statement statement:
                CheckUtterance(statement, "statement", problems);
                if (statement.Date is null)
                {
                    Report(problems, Rules.MissingDate, statement, $"Statement '{Label(statement)}' has no date");
                }

                break;
            case Meeting meeting:
                if (meeting.Date is null)
                {
                    Report(problems, Rules.MissingDate, meeting, $"Meeting '{Label(meeting)}' has no date");
                }

                foreach (var speech in meeting.Speeches)
                {
                    Visit(speech, problems, seen);
                }

                foreach (var meetingEvent in meeting.Events)
                {
                    Visit(meetingEvent, problems, seen);
                }

                break;
            case Membership membership:
                if (membership.Person is null)
                {
                    Report(problems, Rules.MissingRequiredField, membership, Rules.MissingRequiredField.Format("membership", Label(membership), "person"));
                }

                if (membership.Organization is null)
                {
                    Report(problems, Rules.MissingRequiredField, membership, Rules.MissingRequiredField.Format("membership", Label(membership), "org"));
                }

                if (membership.From is PartialDate from && membership.Until is PartialDate until && until.Span.EndsBefore(from.Span))
                {
                    Report(problems, Rules.MembershipEndsBeforeStart, membership, Rules.MembershipEndsBeforeStart.Format(Label(membership), until, from));
                }

                break;
            case Actor actor:
                if (actor is Person withMemberships)
                {
                    foreach (var membership in withMemberships.Memberships)
                    {
                        Visit(membership, problems, seen);
                    }
                }

                if (string.IsNullOrWhiteSpace(actor.Name?.Value))
                {
                    Report(problems, Rules.MissingRequiredField, actor, Rules.MissingRequiredField.Format(actor is Person ? "person" : "org", Label(actor), "name"));
                }

                var country = actor is Person person ? person.Country : ((Organization)actor).Country;
                if (country is not null && (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1])))
                {
                    Report(problems, Rules.WrongValueType, actor, Rules.WrongValueType.Format("country", "a two-letter ISO 3166-1 country code such as GB", $"'{country}'"));
                }

                break;
            case Walkout walkout when walkout.By.Count == 0:
                Report(problems, Rules.MissingRequiredField, walkout, Rules.MissingRequiredField.Format("walkout", Label(walkout), "by"));
                break;
            case Vote vote when string.IsNullOrWhiteSpace(vote.On):
                Report(problems, Rules.MissingRequiredField, vote, Rules.MissingRequiredField.Format("vote", Label(vote), "on"));
                break;
            case Incident incident when string.IsNullOrWhiteSpace(incident.Type):
                Report(problems, Rules.MissingRequiredField, incident, Rules.MissingRequiredField.Format("event", Label(incident), "type"));
                break;
            case System.Collections.IEnumerable sequence and not string:
                foreach (var item in sequence)
                {
                    if (item is not null)
                    {
                        Visit(item, problems, seen);
                    }
                }

                break;
        }
    }

    private static void CheckUtterance(Utterance utterance, string kind, List<ValidationProblem> problems)
    {
        if (utterance.Speaker is null)
        {
            Report(problems, Rules.MissingSpeaker, utterance, Rules.MissingSpeaker.Format(kind, Label(utterance)));
        }

        if (utterance is { Speaker: Person { Memberships.Count: > 0 } person, OnBehalfOf: { } organization, Date: PartialDate date }
            && Membership.PostOn(person, date, organization) is null)
        {
            Report(problems, Rules.SpeakingForOrgWithoutMembership, utterance, Rules.SpeakingForOrgWithoutMembership.Format(
                kind == "speech" ? "Speech" : "Statement", Label(utterance), organization.Id ?? organization.Name?.Value, date, person.Id ?? person.Name?.Value,
                Rules.DescribeMemberships(person.Memberships.Select(m => (m.Organization?.Id, m.From?.ToString(), m.Until?.ToString())).ToList())));
        }
    }

    private static string Label(Declaration declaration) => declaration.Id ?? "(no id)";

    private static void Report(List<ValidationProblem> problems, DiagnosticRule rule, Declaration declaration, string message) =>
        problems.Add(new ValidationProblem(rule.Id, rule.DefaultSeverity == Severity.Error ? ValidationSeverity.Error : ValidationSeverity.Warning, message, declaration.Origin));
}
