using System.Text;

namespace AmiAutomation.Cli.Tests.Output;

/// <summary>A strict RFC 4180 reader for the tests (records end in CRLF; quoted fields may hold commas, quotes and
/// line breaks). Throws on anything else, so a sloppy writer fails the round trip.</summary>
public static class RfcCsv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("unterminated quoted field");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }

            while (i < text.Length && text[i] != ',' && text[i] != '\r')
            {
                if (text[i] is '"' or '\n')
                {
                    throw new FormatException($"unquoted field holds {(text[i] == '"' ? "a quote" : "a bare LF")} at {i}");
                }

                field.Append(text[i++]);
            }

            record.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                throw new FormatException("the last record does not end in CRLF");
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                throw new FormatException($"CR without LF at {i}");
            }

            i += 2;
            records.Add(record);
            record = [];
        }

        return records;
    }
}
