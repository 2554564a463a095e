using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Logging;

/// <summary>
/// One record as one JSON line with Powertools keys (<c>level</c>, <c>message</c>, <c>timestamp</c>, <c>service</c>,
/// <c>cold_start</c>, <c>function_*</c>, <c>xray_trace_id</c>, <c>name</c>), then one key per template argument, then
/// <c>exception</c>. Request-scoped keys appear only inside an invocation; absent values are left out.
/// </summary>
internal static class JsonLogFormatter
{
    private const int MaxExceptionDepth = 5;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Log lines are not HTML: keep quotes, '<' and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal)
    {
        "level", "message", "timestamp", "service", "cold_start", "function_name", "function_version",
        "function_memory_size", "function_arn", "function_request_id", "xray_trace_id", "tenantId", "name", "exception",
    };

    public static string Format(in LogRecord record, LambdaLoggerOptions options, LambdaLogContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("level", LogLevelNames.Format(record.Level));
            json.WriteString("message", record.Message);
            json.WriteString("timestamp", record.Timestamp);
            json.WriteString("service", options.Service);
            json.WriteBoolean("cold_start", context.ColdStart);
            WriteIfPresent(json, "function_name", options.FunctionName);
            WriteIfPresent(json, "function_version", options.FunctionVersion);
            if (options.FunctionMemorySizeMb is { } memory)
            {
                json.WriteNumber("function_memory_size", memory);
            }

            if (context.Current is { } scope)
            {
                WriteIfPresent(json, "function_arn", scope.FunctionArn);
                json.WriteString("function_request_id", scope.RequestId);
                WriteIfPresent(json, "xray_trace_id", scope.XRayTraceId);
                WriteIfPresent(json, "tenantId", scope.TenantId);
            }

            json.WriteString("name", record.Category);
            WriteArguments(json, record.Arguments);
            if (record.Exception is { } exception)
            {
                json.WritePropertyName("exception");
                WriteException(json, exception, 0);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteArguments(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>>? arguments)
    {
        if (arguments is null)
        {
            return;
        }

        HashSet<string>? written = null;
        foreach (var (name, value) in arguments)
        {
            if (name == "{OriginalFormat}" || string.IsNullOrEmpty(name))
            {
                continue;
            }

            // A placeholder named like a standard key must not produce a duplicate key.
            var key = ReservedKeys.Contains(name) ? "arg_" + name : name;
            written ??= new HashSet<string>(StringComparer.Ordinal);
            if (!written.Add(key))
            {
                continue;
            }

            json.WritePropertyName(key);
            LogValueWriter.Write(json, value);
        }
    }

    private static void WriteException(Utf8JsonWriter json, Exception exception, int depth)
    {
        json.WriteStartObject();
        json.WriteString("type", exception.GetType().FullName);
        json.WriteString("message", exception.Message);
        WriteIfPresent(json, "stack_trace", exception.StackTrace);
        if (depth < MaxExceptionDepth)
        {
            if (exception is AggregateException aggregate)
            {
                json.WriteStartArray("inner_exceptions");
                foreach (var inner in aggregate.InnerExceptions)
                {
                    WriteException(json, inner, depth + 1);
                }

                json.WriteEndArray();
            }
            else if (exception.InnerException is { } inner)
            {
                json.WritePropertyName("inner_exception");
                WriteException(json, inner, depth + 1);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string key, string? value)
    {
        if (value is not null)
        {
            json.WriteString(key, value);
        }
    }
}
