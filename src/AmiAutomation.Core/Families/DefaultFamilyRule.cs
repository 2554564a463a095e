using System.Text;
using System.Text.RegularExpressions;

namespace AmiAutomation.Core.Families;

/// <summary>
/// The built-in family rule: the image name with its build stamps and its minor/patch versions removed, the major
/// version kept, so two lines whose major differs (<c>centos-7</c>, <c>centos-8</c>) are never one family and two builds
/// of one line (<c>myapp-1.2.3-20240101-build7</c>, <c>myapp-1.2.4-20240102-build8</c>) always are.
/// </summary>
/// <remarks>
/// <para>The name is cut into words (runs of letters and digits) and separators (anything else). Dotted runs of numbers
/// (<c>5.10</c>, <c>2.0.20240109.0</c>, <c>8.x</c>, <c>v1.19.0</c>) are one version. Then, left to right:</para>
/// <list type="bullet">
/// <item>Stamps go: dates (<c>20240101</c>, <c>2024-01-01</c>, <c>2024.01.10</c>, <c>2024_01_01</c>, with or without a
/// time: <c>20240101T120000Z</c>, <c>2024-01-01T12-00-00Z</c>), <c>v</c>-dates (<c>v20240110</c>), any number of five
/// digits or more (epoch seconds or milliseconds, long counters), build counters (<c>build42</c>, <c>build-42</c>,
/// <c>b17</c>, <c>r3</c>, <c>rev3</c>, <c>rc1</c>) and commit hashes (7–40 lowercase hex characters with a digit and a letter).</item>
/// <item>A version keeps its major (<c>22.04</c> → <c>22</c>, <c>v1.19.0</c> → <c>v1</c>); a version of exactly two
/// parts whose major is 0 or 1 keeps both (<c>1.29</c>: Kubernetes and 0.x lines change with the minor).</item>
/// <item>A plain number of up to four digits right after a word is a major (<c>centos-7</c>, <c>Windows_Server-2022</c>)
/// and stays; right after another number, version or stamp it is a minor or a build counter (<c>rhel-9-1</c>,
/// <c>20240101-3</c>, <c>x86_64-54</c>) and goes.</item>
/// <item>Every other word stays.</item>
/// </list>
/// <para>A removed part takes the separator before it with it; separators left at either end are trimmed. A name that
/// is nothing but stamps keeps its whole name. When a part cannot be told apart (<c>web-41</c>: a build or a major?)
/// it stays: a family too narrow keeps more images (a family of one is always its own newest), a family too wide loses
/// them. Every word of the family appears, in order, in the name (<see cref="NameFilter"/> relies on it).</para>
/// </remarks>
internal static partial class DefaultFamilyRule
{
    private enum Kind
    {
        Separator,
        Word,
        Major,
        Version,
        Stamp,
    }

    /// <summary>The family of <paramref name="name"/> under the built-in rule.</summary>
    public static string FromName(string name)
    {
        var units = Cut(name);
        var family = new StringBuilder(name.Length);
        string? pendingSeparator = null;
        for (var i = 0; i < units.Count; i++)
        {
            var (kind, text) = units[i];
            if (kind == Kind.Separator)
            {
                pendingSeparator = text;
                continue;
            }

            if (kind == Kind.Stamp)
            {
                // The separator before a removed part goes with it; the one after stays for the next kept word.
                pendingSeparator = null;
                continue;
            }

            if (family.Length > 0)
            {
                family.Append(pendingSeparator ?? string.Empty);
            }

            pendingSeparator = null;
            family.Append(text);
        }

        var result = family.ToString();
        return result.Length > 0 ? result : name;
    }

    /// <summary>
    /// An EC2 <c>name</c> filter value (wildcards <c>*</c>) that matches every name whose family under this rule is
    /// <paramref name="family"/>: the family's words in order, with <c>*</c> for every separator and at both ends.
    /// Over-matching is harmless (the reader resolves each image again).
    /// </summary>
    public static string NameFilter(string family)
    {
        var filter = new StringBuilder(family.Length + 2).Append('*');
        foreach (var c in family)
        {
            if (char.IsLetterOrDigit(c))
            {
                filter.Append(c);
            }
            else if (filter[^1] != '*')
            {
                filter.Append('*');
            }
        }

        return filter[^1] == '*' ? filter.ToString() : filter.Append('*').ToString();
    }

    private static List<(Kind Kind, string Text)> Cut(string name)
    {
        var units = new List<(Kind, string)>();
        var afterNumber = false;
        var i = 0;
        while (i < name.Length)
        {
            if (!char.IsLetterOrDigit(name[i]))
            {
                var start = i;
                while (i < name.Length && !char.IsLetterOrDigit(name[i]))
                {
                    i++;
                }

                units.Add((Kind.Separator, name[start..i]));
                continue;
            }

            var date = DashedDate().Match(name, i);
            if (date.Success)
            {
                units.Add((Kind.Stamp, date.Value));
                i += date.Length;
                afterNumber = true;
                continue;
            }

            var parts = DottedParts(name, ref i);
            var (kind, kept) = Classify(parts, afterNumber, name, i);
            if (kind == Kind.Stamp && IsBuildWord(parts) && NextIsNumber(name, i, out var end))
            {
                i = end; // "build-42": the number belongs to the word.
            }

            units.Add((kind, kept));
            afterNumber = kind != Kind.Word;
        }

        return units;
    }

    /// <summary>One word, or a dotted run of numbers (<c>2.0.20240109.0</c>, <c>8.x</c>) read as one version.</summary>
    private static List<string> DottedParts(string name, ref int i)
    {
        var parts = new List<string> { ReadWord(name, ref i) };
        if (!NumberPart().IsMatch(parts[0]))
        {
            return parts;
        }

        while (i + 1 < name.Length && name[i] == '.' && char.IsLetterOrDigit(name[i + 1]))
        {
            var next = i + 1;
            if (DashedDate().IsMatch(name, next))
            {
                break; // "1.2.2024-01-01": the date is a stamp of its own.
            }

            var word = ReadWord(name, ref next);
            if (!MinorPart().IsMatch(word))
            {
                break;
            }

            parts.Add(word);
            i = next;
        }

        return parts;
    }

    private static (Kind Kind, string Text) Classify(List<string> parts, bool afterNumber, string name, int end)
    {
        var first = parts[0];
        var text = string.Join('.', parts);
        if (parts.Count == 1 && !NumberPart().IsMatch(first))
        {
            return IsStampWord(first) || (IsBuildWord(parts) && NextIsNumber(name, end, out _)) ? (Kind.Stamp, text) : (Kind.Word, text);
        }

        var digits = first.TrimStart('v', 'V');
        if (digits.Length >= 5 || CompactDateTime().IsMatch(digits) || DottedDate().IsMatch(text))
        {
            return (Kind.Stamp, text);
        }

        if (parts.Count == 1)
        {
            // A bare number: a major after a word, a minor or build counter after a number (v-numbers are majors).
            return afterNumber && digits.Length == first.Length ? (Kind.Stamp, text) : (Kind.Major, text);
        }

        var keepMinor = parts.Count == 2 && digits is "0" or "1";
        return (Kind.Version, keepMinor ? text : first);
    }

    private static bool IsStampWord(string word) => CounterWord().IsMatch(word) || CompactDateTime().IsMatch(word) || IsCommitHash(word);

    private static bool IsBuildWord(List<string> parts) => parts.Count == 1 && parts[0].Equals("build", StringComparison.OrdinalIgnoreCase);

    private static bool IsCommitHash(string word)
    {
        if (word.Length is < 7 or > 40)
        {
            return false;
        }

        bool digit = false, letter = false;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (c is >= 'a' and <= 'f')
            {
                letter = true;
            }
            else
            {
                return false;
            }
        }

        return digit && letter;
    }

    /// <summary>True when one separator character and a plain number follow <paramref name="i"/>; <paramref name="end"/> is after it.</summary>
    private static bool NextIsNumber(string name, int i, out int end)
    {
        end = i;
        if (i + 1 >= name.Length || char.IsLetterOrDigit(name[i]) || !char.IsAsciiDigit(name[i + 1]))
        {
            return false;
        }

        var next = i + 1;
        var word = ReadWord(name, ref next);
        if (!word.All(char.IsAsciiDigit))
        {
            return false;
        }

        end = next;
        return true;
    }

    private static string ReadWord(string name, ref int i)
    {
        var start = i;
        while (i < name.Length && char.IsLetterOrDigit(name[i]))
        {
            i++;
        }

        return name[start..i];
    }

    /// <summary>A dashed or underscored date with an optional time, ending at a separator or the end of the name.</summary>
    [GeneratedRegex(
        @"\G(?:19|20)\d\d(?<s>[-_])(?:0[1-9]|1[0-2])\k<s>(?:0[1-9]|[12]\d|3[01])(?:[T_-]?\d{2}[-:.]?\d{2}(?:[-:.]?\d{2})?Z?)?(?![\p{L}\p{Nd}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DashedDate();

    /// <summary>A compact date, optionally with a time, optionally after a <c>v</c> (<c>v20240110</c>).</summary>
    [GeneratedRegex(
        @"^[vV]?(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:T\d{2,6}Z?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CompactDateTime();

    /// <summary>A dotted date (<c>2024.01.10</c>), optionally with a build counter after it.</summary>
    [GeneratedRegex(@"^(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01])(?:\.\d+)*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"^(?:build|b|r|rev|rc)\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CounterWord();

    [GeneratedRegex(@"^[vV]?\d+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberPart();

    [GeneratedRegex(@"^(?:\d+|[xX])$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MinorPart();
}
