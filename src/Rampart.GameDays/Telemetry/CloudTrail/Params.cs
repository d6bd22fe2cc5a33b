using System.Text.Json;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Request and response writers for the shapes many APIs share.</summary>
internal static class Params
{
    public static RecordPart One(string name, Func<CloudTrailContext, string> value) => (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString(name, value(context));
        writer.WriteEndObject();
    };

    public static RecordPart Two(string name, Func<CloudTrailContext, string> value, string name2, Func<CloudTrailContext, string> value2) => (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString(name, value(context));
        writer.WriteString(name2, value2(context));
        writer.WriteEndObject();
    };

    /// <summary>A request with one string and one number, e.g. a name and a page size.</summary>
    public static RecordPart WithNumber(string name, Func<CloudTrailContext, string> value, string numberName, int number) => (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString(name, value(context));
        writer.WriteNumber(numberName, number);
        writer.WriteEndObject();
    };

    public static RecordPart Number(string name, int value) => (writer, _) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteNumber(name, value);
        writer.WriteEndObject();
    };

    /// <summary>A fixed request written as given: several fixed properties.</summary>
    public static RecordPart Fixed(params (string Name, object Value)[] properties) => (writer, _) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        foreach (var (name, value) in properties)
            WriteValue(writer, name, value);
        writer.WriteEndObject();
    };

    /// <summary>EC2's XML-derived shape: <c>{"setName":{"items":[{"key":value}]}}</c>.</summary>
    public static void Ec2Set(Utf8JsonWriter writer, ReadOnlySpan<byte> setName, ReadOnlySpan<byte> key, string value)
    {
        writer.WriteStartObject(setName);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        writer.WriteString(key, value);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void EmptyObject(Utf8JsonWriter writer, ReadOnlySpan<byte> name)
    {
        writer.WriteStartObject(name);
        writer.WriteEndObject();
    }

    /// <summary>An EC2 filter: <c>{"name":n,"valueSet":{"items":[{"value":v}]}}</c>.</summary>
    public static void Ec2Filter(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, name);
        Ec2Set(writer, "valueSet"u8, "value"u8, value);
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int number:
                writer.WriteNumber(name, number);
                break;
            default:
                throw new ArgumentException($"Unsupported fixed value {value.GetType()}.", nameof(value));
        }
    }
}
