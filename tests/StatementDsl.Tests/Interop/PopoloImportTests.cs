using System.Text.Json.Nodes;
using StatementDsl.Tests.Cli;

namespace StatementDsl.Tests.Interop;

/// <summary><c>stmt import --from popolo</c>: the round trip through the sample, and the shapes real Popolo files come in.</summary>
public class PopoloImportTests
{
    private static string Folder(string name) => Path.Combine(CliRunner.TempFolder(), name);

    /// <summary>Every array sorted by id, so two documents compare by content whatever order their files put records in.</summary>
    private static string Canonical(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (name, value) in document.ToList())
        {
            document[name] = new JsonArray(value!.AsArray().OrderBy(item => item!["id"]?.GetValue<string>(), StringComparer.Ordinal).Select(item => item!.DeepClone()).ToArray());
        }

        return document.ToJsonString();
    }

    [Fact]
    public void Importing_the_samples_Popolo_export_gives_back_the_same_Popolo_records()
    {
        var exported = Folder("first.json");
        Assert.Equal(0, CliRunner.Run("export", "--to", "popolo", Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo"), "-o", exported).ExitCode);
        var imported = Folder("imported");
        var (code, _, error) = CliRunner.Run("import", "--from", "popolo", exported, "-o", imported);
        Assert.True(code == 0, error);
        Assert.Contains("imported 1 meeting(s), 5 speech(es), 4 people, 7 organization(s), 4 membership(s) into 4 file(s); 0 loss(es)", error, StringComparison.Ordinal);
        var check = CliRunner.Run("check", "--strict", imported);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);

        var again = Folder("again.json");
        Assert.Equal(0, CliRunner.Run("export", "--to", "popolo", imported, "-o", again).ExitCode);
        Assert.Equal(Canonical(exported), Canonical(again));
    }

    [Fact]
    public void Partial_and_empty_dates_names_in_many_scripts_and_embedded_objects()
    {
        var input = Path.Combine(CliRunner.TempFolder(("people.json", """
            {
              "persons": [
                {
                  "id": "person/ahmed", "name": "أحمد أبو الغيط",
                  "other_names": [ { "name": "Ahmed Aboul Gheit", "lang": "en" }, { "name": "Aboul Gheit" }, { "name": "Абуль-Гейт", "lang": "ru" } ],
                  "memberships": [ { "organization": { "id": "org/arab-league", "name": "جامعة الدول العربية", "classification": "body" }, "role": "Secretary-General", "start_date": "2016-07" } ]
                },
                { "id": "person/李", "name": "李明" }
              ],
              "organizations": [ { "id": "org/egypt", "name": "مصر", "classification": "State", "other_names": [ { "name": "Egypt", "lang": "en" } ] } ],
              "memberships": [
                { "person_id": "person/ahmed", "organization_id": "org/egypt", "role": "Foreign Minister", "start_date": "2004", "end_date": "" },
                { "person_id": "person/nobody", "organization_id": "org/egypt" },
                { "person_id": "person/李", "organization_id": "org/egypt", "start_date": "sometime" }
              ],
              "events": [ { "id": "ev-1", "name": "Session", "start_date": "2016-09", "classification": "meeting", "organization_id": "org/arab-league" } ],
              "speeches": [
                { "id": "s-1", "creator_id": "person/ahmed", "text": "كلمة", "event_id": "ev-1", "position": 1 },
                { "id": "x-1", "attribution_text": "A delegate", "text": "Thank you", "event_id": "ev-2", "position": 2 }
              ]
            }
            """)), "people.json");
        var imported = Folder("imported");
        var (code, _, error) = CliRunner.Run("import", "--from", "popolo", input, "-o", imported);
        Assert.Equal(1, code);
        Assert.Contains("people.json: memberships[1]: a membership that names no known person or organization; left out", error, StringComparison.Ordinal);
        Assert.Contains("people.json: memberships[2].start_date: 'sometime' is not a date; left out", error, StringComparison.Ordinal);
        Assert.Contains("people.json: speeches: 1 of event 'ev-2', which the file does not describe", error, StringComparison.Ordinal);

        var roster = File.ReadAllText(Path.Combine(imported, "roster.stmt"));
        Assert.Contains("person person_ahmed {\n  name: \"أحمد أبو الغيط\"\n  name@en: \"Ahmed Aboul Gheit\"\n  alias: \"Aboul Gheit\"\n  name@ru: \"Абуль-Гейт\"\n}", roster, StringComparison.Ordinal);
        Assert.Contains("person person_李 {", roster, StringComparison.Ordinal);
        Assert.Contains("org org_arab-league {\n  name: \"جامعة الدول العربية\"\n  kind: body\n}", roster, StringComparison.Ordinal);
        Assert.Contains("kind: state", roster, StringComparison.Ordinal);
        Assert.Contains("membership { person: person_ahmed  org: org_arab-league  role: \"Secretary-General\"  from: 2016-07 }", roster, StringComparison.Ordinal);
        Assert.Contains("membership { person: person_ahmed  org: org_egypt  role: \"Foreign Minister\"  from: 2004 }", roster, StringComparison.Ordinal);
        var meeting = File.ReadAllText(Path.Combine(imported, "ev-1.stmt"));
        Assert.Contains("date: 2016-09", meeting, StringComparison.Ordinal);
        Assert.Contains("body: org_arab-league", meeting, StringComparison.Ordinal);

        var check = CliRunner.Run("check", imported);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }
}
