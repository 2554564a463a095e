using System.Text;

namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>
/// Splits one command line into words as a POSIX shell would for the simple commands README shows: single and double
/// quotes, backslash escapes outside single quotes. Pipes, lists, substitutions and input redirection are refused, so a
/// README command the doc-test cannot run faithfully fails instead of being run differently.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = null; } else { word.Append(c); }
                continue;
            }

            if (c == '\\' && i + 1 < command.Length)
            {
                word.Append(command[++i]);
                inWord = true;
                continue;
            }

            if (quote == '"')
            {
                if (c == '"') { quote = null; }
                else if (c is '$' or '`') { throw Unsupported(command, "substitution inside double quotes"); }
                else { word.Append(c); }
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case ' ' or '\t':
                    if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                    break;
                case '|' or ';' or '&' or '<' or '`' or '(' or ')':
                    throw Unsupported(command, $"'{c}'");
                case '$':
                    throw Unsupported(command, "variable or command substitution");
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (quote is not null)
        {
            throw new FormatException($"unclosed {quote} quote in: {command}");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static FormatException Unsupported(string command, string what) =>
        new($"the doc-test runs simple commands only ({what} is not supported); write it as a simple command or mark its block "
            + $"<!-- doc-test: skip (why) -->: {command}");
}
