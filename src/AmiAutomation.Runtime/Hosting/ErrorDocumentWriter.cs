using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// The JSON body of <c>/error</c> and <c>init/error</c>: <c>errorMessage</c>, <c>errorType</c> (the exception's short type
/// name), <c>stackTrace</c> (one string per frame), <c>cause</c> (inner exception, same shape) and <c>causes</c>
/// (<see cref="AggregateException"/>'s inner exceptions). Over <see cref="MaxDocumentBytes"/> it shrinks to an
/// <c>errorMessage</c> that says so.
/// </summary>
internal static class ErrorDocumentWriter
{
    public const int MaxDocumentBytes = 256 * 1024;
    private const int MaxCauseDepth = 10;
    private const int MessageExcerpt = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>errorType</c> of <paramref name="exception"/>: its short type name.</summary>
    public static string ErrorTypeOf(Exception exception) => exception.GetType().Name;

    public static byte[] ForException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Cap(Write(json => WriteException(json, exception, 0)), ErrorTypeOf(exception), exception.Message);
    }

    /// <summary>An init error: <paramref name="errorType"/> (<c>Runtime.*</c>) and <paramref name="message"/>, with the
    /// exception that caused it (if any) as <c>cause</c>.</summary>
    public static byte[] ForInitError(string errorType, string message, Exception? cause)
    {
        var document = Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", message);
            json.WriteString("errorType", errorType);
            WriteStackTrace(json, cause?.StackTrace);
            if (cause is not null)
            {
                json.WritePropertyName("cause");
                WriteException(json, cause, 1);
            }

            json.WriteEndObject();
        });
        return Cap(document, errorType, message);
    }

    private static byte[] Cap(byte[] document, string errorType, string message)
    {
        if (document.Length <= MaxDocumentBytes)
        {
            return document;
        }

        var excerpt = message.Length > MessageExcerpt ? message[..MessageExcerpt] + "…" : message;
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString(
                "errorMessage",
                $"The error document was {document.Length} bytes, over the {MaxDocumentBytes}-byte limit, so it was cut. Message start: {excerpt}");
            json.WriteString("errorType", errorType);
            json.WriteEndObject();
        });
    }

    private static void WriteException(Utf8JsonWriter json, Exception exception, int depth)
    {
        json.WriteStartObject();
        json.WriteString("errorMessage", exception.Message);
        json.WriteString("errorType", ErrorTypeOf(exception));
        WriteStackTrace(json, exception.StackTrace);
        if (depth < MaxCauseDepth)
        {
            if (exception.InnerException is { } inner)
            {
                json.WritePropertyName("cause");
                WriteException(json, inner, depth + 1);
            }

            if (exception is AggregateException aggregate)
            {
                json.WriteStartArray("causes");
                foreach (var each in aggregate.InnerExceptions)
                {
                    WriteException(json, each, depth + 1);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteStackTrace(Utf8JsonWriter json, string? stackTrace)
    {
        json.WriteStartArray("stackTrace");
        foreach (var frame in (stackTrace ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            json.WriteStringValue(frame);
        }

        json.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
