namespace StatementDsl.Tests.Runtime;

/// <summary>Objects built in C# meet the same rules, with the same ids, as records read from .stmt files.</summary>
public class ValidatorTests
{
    [Fact]
    public void A_speech_without_a_speaker_is_STMT1001()
    {
        var meeting = new Meeting { Id = "m", Date = new PartialDate(2016, 9, 25) };
        var problem = Assert.Single(StatementValidator.Validate(new Speech { Id = "s", Meeting = meeting }));
        Assert.Equal("STMT1001", problem.Id);
        Assert.Equal(ValidationSeverity.Warning, problem.Severity);
    }

    [Fact]
    public void Each_rule_has_its_catalog_id()
    {
        var person = new Person { Id = "p", Country = "gb" };
        var meeting = new Meeting
        {
            Id = "m",
            Speeches = [new Speech { Id = "s", Speaker = person, Date = new PartialDate(2016, 9, 26) }],
            Events = [new Walkout { Id = "w" }, new Vote { Id = "v" }, new Incident { Id = "e" }],
        };
        var statement = new Statement { Id = "st" };
        var ids = StatementValidator.Validate(new object[] { meeting, statement, person }).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "STMT1001", "STMT1002", "STMT1002", "STMT1008", "STMT1010", "STMT1010", "STMT1010", "STMT1010" }, ids);
    }

    [Fact]
    public void A_speech_dated_outside_its_meeting_is_STMT1009()
    {
        var meeting = new Meeting { Id = "m", Date = new PartialDate(2016, 9, 25) };
        var speech = new Speech { Id = "s", Speaker = new Organization { Names = [new LocalizedText("روسيا")] }, Meeting = meeting, Date = new PartialDate(2016, 9, 26) };
        Assert.Equal("STMT1009", Assert.Single(StatementValidator.Validate(speech)).Id);
    }

    [Fact]
    public void A_well_formed_record_has_no_problems()
    {
        var russia = new Organization { Id = "russia", Name = new LocalizedText("روسيا"), Country = "RU" };
        var meeting = new Meeting { Id = "m", Date = new PartialDate(2016, 9) };
        Assert.Empty(StatementValidator.Validate(new Speech { Id = "s", Speaker = russia, Meeting = meeting }));
        Assert.Equal("روسيا", russia.ToString());
    }
}
