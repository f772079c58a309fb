using System.Text;

namespace StatementDsl.Generator;

/// <summary>An indented text writer with <c>\n</c> line endings, whatever the OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int indentation;

    /// <summary>The columns a line written now is indented by.</summary>
    public int Indentation => indentation * 4;

    public void WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            builder.Append(' ', indentation * 4).Append(line);
        }

        builder.Append('\n');
    }

    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        indentation++;
    }

    public void CloseBlock(string closing = "}")
    {
        indentation--;
        WriteLine(closing);
    }

    public override string ToString() => builder.ToString();
}
