using System.Text;

namespace AmiAutomation.Runtime.Logging;

/// <summary>
/// <c>&lt;timestamp&gt;\t&lt;requestId&gt;\t&lt;LEVEL&gt;\t&lt;message&gt;</c>, the exception after the message.
/// Line breaks inside become <c>\r</c>, so a multi-line message or stack trace stays one CloudWatch record
/// (Lambda splits stdout on <c>\n</c> only). Outside an invocation the request id column is empty.
/// </summary>
internal static class TextLogFormatter
{
    public static string Format(in LogRecord record, LambdaLogContext context)
    {
        var line = new StringBuilder(128 + record.Message.Length)
            .Append(record.Timestamp).Append('\t')
            .Append(context.Current?.RequestId).Append('\t')
            .Append(LogLevelNames.Format(record.Level)).Append('\t')
            .Append(record.Message);
        if (record.Exception is { } exception)
        {
            line.Append('\n').Append(exception.ToString());
        }

        return line.Replace("\r\n", "\r").Replace('\n', '\r').ToString();
    }
}
