using System.Globalization;
using System.Text.RegularExpressions;

namespace AmiAutomation.Core.Families;

/// <summary>
/// What is wrong with a regular expression, in words. The framework's own message is a resource key when the Lambda
/// bootstrap is published with <c>UseSystemResourceKeys</c>, so the message is built from the parse error's kind and
/// offset instead.
/// </summary>
public static class RegexErrorText
{
    public static string Describe(RegexParseException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception.Error switch
        {
            RegexParseError.InsufficientClosingParentheses => "a '(' is never closed: add the missing ')'",
            RegexParseError.InsufficientOpeningParentheses => "a ')' has no matching '('",
            RegexParseError.UnterminatedBracket => "a '[' character class is never closed with ']'",
            RegexParseError.QuantifierAfterNothing => "a quantifier (*, +, ? or {n}) follows nothing: escape it (e.g. \\*) to match it literally",
            RegexParseError.NestedQuantifiersNotParenthesized => "two quantifiers in a row (e.g. a**): put the first in parentheses",
            RegexParseError.ReversedCharacterRange => "a character range is reversed (e.g. [z-a]): write the lower character first",
            RegexParseError.ReversedQuantifierRange => "a {n,m} quantifier has n greater than m",
            RegexParseError.UnescapedEndingBackslash => "the pattern ends with a lone '\\': escape it as '\\\\'",
            RegexParseError.UnrecognizedEscape => "an unknown escape sequence (a '\\' before a letter that has no meaning)",
            RegexParseError.UnterminatedComment => "a (?# comment is never closed",
            RegexParseError.InvalidGroupingConstruct => "an invalid group: '(?' followed by something that is not a known group kind",
            RegexParseError.CaptureGroupNameInvalid => "a group name is invalid: use letters, digits and '_' (e.g. (?<family>…))",
            RegexParseError.CaptureGroupOfZero => "group number 0 cannot be defined",
            RegexParseError.UndefinedNamedReference => "a reference names a group that does not exist",
            RegexParseError.UndefinedNumberedReference => "a reference numbers a group that does not exist",
            RegexParseError.MalformedNamedReference => "a named reference \\k<…> is malformed",
            RegexParseError.InsufficientOrInvalidHexDigits => "a \\x or \\u escape lacks hex digits",
            RegexParseError.MissingControlCharacter or RegexParseError.UnrecognizedControlCharacter => "a \\c escape lacks a valid control letter",
            RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.MalformedUnicodePropertyEscape or RegexParseError.UnrecognizedUnicodeProperty
                => "a \\p{…} Unicode category escape is malformed or unknown",
            RegexParseError.ShorthandClassInCharacterRange => "a shorthand class such as \\d is used as the end of a range inside [...]",
            RegexParseError.ExclusionGroupNotLast => "a character class subtraction [a-z-[aeiou]] is not the last part of its class",
            RegexParseError.QuantifierOrCaptureGroupOutOfRange => "a quantifier or group number is too large",
            RegexParseError.AlternationHasTooManyConditions or RegexParseError.AlternationHasMalformedCondition
                or RegexParseError.AlternationHasMalformedReference or RegexParseError.AlternationHasNamedCapture
                or RegexParseError.AlternationHasComment or RegexParseError.AlternationHasUndefinedReference
                => "a conditional (?(…)yes|no) group is malformed",
            _ => "the pattern cannot be parsed",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} (near character {exception.Offset})");
    }
}
