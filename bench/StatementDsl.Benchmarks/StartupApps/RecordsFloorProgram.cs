using System.Diagnostics;

// The floor under the compiled app: the least any compiled form of the records must do to reach
// every record and read its id. One small object per record, its id cut from one string constant
// (RecordIds.cs, written by the benchmark in the JSON app's order), then the same reading of ids.
// No record type of the runtime, no decoding, no lookup: a bound, not a design.
var clock = Stopwatch.StartNew();
var ids = RecordIds.All;
var built = new List<FloorRecord>();
var start = 0;
for (var i = 0; i < ids.Length; i++)
{
    if (ids[i] == '\n')
    {
        built.Add(new FloorRecord(ids[start..i]));
        start = i + 1;
    }
}

long records = 0;
long characters = 0;
foreach (var record in built)
{
    records++;
    characters += record.Id.Length;
}

Console.WriteLine($"records={records} characters={characters} main_ms={clock.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");

/// <summary>A record reduced to its id and six more slots: a little larger than a generated record reached only for its id.</summary>
internal sealed class FloorRecord(string id)
{
    public string Id { get; } = id;

    public object? Speaker { get; set; }

    public object? Meeting { get; set; }

    public object? Date { get; set; }

    public object? Label { get; set; }

    public object? Passages { get; set; }

    public object? Origin { get; set; }
}
