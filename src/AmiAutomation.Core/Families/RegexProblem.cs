using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AmiAutomation.Core.Families;

/// <summary>
/// Says in words what is wrong with a regular expression. The framework's own message may be a bare resource key under
/// Native AOT (<c>UseSystemResourceKeys</c>), so the text comes from <see cref="RegexParseException.Error"/> instead.
/// </summary>
internal static class RegexProblem
{
    public static string Describe(RegexParseException exception)
    {
        var what = exception.Error switch
        {
            RegexParseError.InsufficientClosingParentheses => "a '(' is never closed",
            RegexParseError.InsufficientOpeningParentheses => "a ')' has no '(' before it",
            RegexParseError.UnterminatedBracket => "a '[' is never closed",
            RegexParseError.UnterminatedComment => "a '(?#' comment is never closed",
            RegexParseError.ReversedCharacterRange => "a character range runs backwards (like [z-a])",
            RegexParseError.ReversedQuantifierRange => "a {n,m} repetition has n greater than m",
            RegexParseError.QuantifierAfterNothing => "a repetition (*, + or ?) follows nothing",
            RegexParseError.NestedQuantifiersNotParenthesized => "two repetitions in a row (like a**): put the first in parentheses",
            RegexParseError.UnescapedEndingBackslash => "the pattern ends with a lone backslash",
            RegexParseError.InvalidGroupingConstruct => "a '(?' group is not one .NET regular expressions know",
            RegexParseError.UndefinedNamedReference or RegexParseError.UndefinedNumberedReference => "a back-reference names a group that does not exist",
            RegexParseError.UnrecognizedEscape => "a backslash escape that means nothing (escape only punctuation, or use \\d, \\w, \\s, ...)",
            RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.UnrecognizedUnicodeProperty => "an unknown \\p{...} Unicode category",
            RegexParseError.ShorthandClassInCharacterRange => "a character range ends in a class such as \\d (like [a-\\d])",
            _ => Words(exception.Error.ToString()),
        };
        return exception.Offset > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{what} (at character {exception.Offset})")
            : what;
    }

    /// <summary><c>AlternationHasTooManyConditions</c> → <c>alternation has too many conditions</c>.</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
