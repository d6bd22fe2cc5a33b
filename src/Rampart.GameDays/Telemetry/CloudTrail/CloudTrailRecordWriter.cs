using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>
/// Writes one CloudTrail record for the call described by a <see cref="CloudTrailContext"/>, in the field
/// order AWS uses.
/// </summary>
internal static class CloudTrailRecordWriter
{
    public static void Write(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var api = context.Api;
        writer.WriteStartObject();
        writer.WriteString("eventVersion"u8, context.EventVersion);
        WriteUserIdentity(writer, context);
        context.WriteTimestamp(writer, "eventTime"u8, context.Time);
        writer.WriteString("eventSource"u8, api.EventSource);
        writer.WriteString("eventName"u8, api.EventName);
        writer.WriteString("awsRegion"u8, context.AwsRegion);
        writer.WriteString("sourceIPAddress"u8, context.SourceIp);
        WriteUserAgent(writer, context);
        if (context.Error is { } error)
        {
            if (error.Code.Length > 0)
                writer.WriteString("errorCode"u8, error.Code);
            WriteErrorMessage(writer, context, error);
        }

        if (api.Request is null)
            writer.WriteNull("requestParameters"u8);
        else
            api.Request(writer, context);

        if (api.Response is null || (context.IsError && !api.ResponseOnError))
            writer.WriteNull("responseElements"u8);
        else
            api.Response(writer, context);

        api.AdditionalData?.Invoke(writer, context);
        if (api.HasRequestId)
            WriteRequestId(writer, context);
        if (context.EventId is { } eventId)
            writer.WriteString("eventID"u8, eventId);
        else
            context.WriteUuid(writer, "eventID"u8);
        writer.WriteBoolean("readOnly"u8, api.ReadOnly);
        api.Resources?.Invoke(writer, context);
        writer.WriteString("eventType"u8, api.EventType);
        if (api.ApiVersion is { } apiVersion)
            writer.WriteString("apiVersion"u8, apiVersion);
        writer.WriteBoolean("managementEvent"u8, !api.DataEvent);
        writer.WriteString("recipientAccountId"u8, context.Account.Id);
        if (context.CrossAccount)
            context.WriteUuid(writer, "sharedEventID"u8);
        if (context.VpcEndpointId is { } endpoint)
        {
            writer.WriteString("vpcEndpointId"u8, endpoint);
            if (string.CompareOrdinal(context.EventVersion, "1.09") >= 0)
                writer.WriteString("vpcEndpointAccountId"u8, context.Account.Id);
        }

        api.ServiceEventDetails?.Invoke(writer, context);
        writer.WriteString("eventCategory"u8, api.DataEvent ? "Data"u8 : "Management"u8);
        var kind = context.Principal.Kind;
        if (context.IsConsole && kind is not (PrincipalKind.AwsService or PrincipalKind.AwsInternal) && api.EventType == "AwsApiCall")
            writer.WriteString("sessionCredentialFromConsole"u8, "true"u8);
        if (HasTls(context))
            WriteTlsDetails(writer, context);
        writer.WriteEndObject();
    }

    private static bool HasTls(CloudTrailContext context)
    {
        // Calls AWS makes on a principal's behalf arrive from a service name, not over a client TLS session.
        var ip = context.SourceIp;
        return ip.Length > 0 && (char.IsAsciiDigit(ip[0]) || ip.Contains(':', StringComparison.Ordinal));
    }

    private static void WriteUserIdentity(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var principal = context.Principal;
        var signIn = context.Api.EventType == "AwsConsoleSignIn";
        writer.WriteStartObject("userIdentity"u8);
        switch (principal.Kind)
        {
            case PrincipalKind.IamUser:
                writer.WriteString("type"u8, "IAMUser"u8);
                writer.WriteString("principalId"u8, principal.PrincipalId);
                writer.WriteString("arn"u8, principal.Arn);
                writer.WriteString("accountId"u8, principal.AccountId);
                if (!signIn)
                {
                    if (context.IsConsole || principal.AccessKeyId is null)
                        WriteSessionKey(writer, context);
                    else
                        writer.WriteString("accessKeyId"u8, principal.AccessKeyId);
                }

                writer.WriteString("userName"u8, principal.Name);
                if (!signIn && context.IsConsole)
                    WriteSessionContext(writer, context, issuer: false);
                break;
            case PrincipalKind.AssumedRole:
                writer.WriteString("type"u8, "AssumedRole"u8);
                writer.WriteString("principalId"u8, principal.PrincipalId);
                writer.WriteString("arn"u8, principal.Arn);
                writer.WriteString("accountId"u8, principal.AccountId);
                if (!signIn)
                    WriteSessionKey(writer, context);
                WriteSessionContext(writer, context, issuer: true);
                if (principal.InvokedBy is { } invokedBy)
                    writer.WriteString("invokedBy"u8, invokedBy);
                break;
            case PrincipalKind.Root:
                writer.WriteString("type"u8, "Root"u8);
                writer.WriteString("principalId"u8, principal.AccountId);
                writer.WriteString("arn"u8, principal.Arn);
                writer.WriteString("accountId"u8, principal.AccountId);
                if (!signIn)
                {
                    WriteSessionKey(writer, context);
                    WriteSessionContext(writer, context, issuer: false);
                }

                break;
            case PrincipalKind.AwsService:
                writer.WriteString("type"u8, "AWSService"u8);
                writer.WriteString("invokedBy"u8, principal.InvokedBy);
                break;
            case PrincipalKind.FederatedUser:
                writer.WriteString("type"u8, "FederatedUser"u8);
                writer.WriteString("principalId"u8, principal.PrincipalId);
                writer.WriteString("arn"u8, principal.Arn);
                writer.WriteString("accountId"u8, principal.AccountId);
                WriteSessionKey(writer, context);
                WriteSessionContext(writer, context, issuer: true);
                break;
            case PrincipalKind.AwsAccount:
                writer.WriteString("type"u8, "AWSAccount"u8);
                writer.WriteString("principalId"u8, principal.PrincipalId);
                writer.WriteString("accountId"u8, principal.AccountId);
                if (principal.InvokedBy is { } viaService)
                    writer.WriteString("invokedBy"u8, viaService);
                break;
            case PrincipalKind.AwsInternal:
                writer.WriteString("accountId"u8, context.Account.Id);
                writer.WriteString("invokedBy"u8, principal.InvokedBy);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Temporary keys are derived from the principal and the hour, so one session keeps one key for its
    /// lifetime without the generator remembering sessions.
    /// </summary>
    private static void WriteSessionKey(Utf8JsonWriter writer, CloudTrailContext context)
    {
        Span<byte> key = stackalloc byte[20];
        "ASIA"u8.CopyTo(key);
        var hour = (ulong)(context.Time / 3600);
        TextIds.WriteIamAlphabet(key[4..], DeterministicRandom.Derive(context.Principal.KeySeed, hour), DeterministicRandom.Derive(context.Principal.KeySeed, hour, 1));
        writer.WriteString("accessKeyId"u8, key);
    }

    private static void WriteSessionContext(Utf8JsonWriter writer, CloudTrailContext context, bool issuer)
    {
        var principal = context.Principal;
        writer.WriteStartObject("sessionContext"u8);
        writer.WriteStartObject("sessionIssuer"u8);
        if (issuer && principal.IssuerArn is not null)
        {
            writer.WriteString("type"u8, principal.Kind == PrincipalKind.FederatedUser ? "IAMUser"u8 : "Role"u8);
            writer.WriteString("principalId"u8, principal.IssuerId);
            writer.WriteString("arn"u8, principal.IssuerArn);
            writer.WriteString("accountId"u8, principal.AccountId);
            writer.WriteString("userName"u8, principal.IssuerName);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("webIdFederationData"u8);
        writer.WriteEndObject();
        writer.WriteStartObject("attributes"u8);
        var hourStart = context.Time / 3600 * 3600;
        var created = hourStart + (long)(DeterministicRandom.Derive(principal.KeySeed, (ulong)hourStart, 2) % 900);
        context.WriteTimestamp(writer, "creationDate"u8, created <= context.Time ? created : hourStart);
        writer.WriteString("mfaAuthenticated"u8, principal.MfaAuthenticated ? "true"u8 : "false"u8);
        writer.WriteEndObject();
        if (principal.Ec2RoleDelivery)
            writer.WriteString("ec2RoleDelivery"u8, "2.0"u8);
        writer.WriteEndObject();
    }

    private static void WriteUserAgent(Utf8JsonWriter writer, CloudTrailContext context)
    {
        if (context.AgentText is { } text)
        {
            writer.WriteString("userAgent"u8, text);
            return;
        }

        var agent = context.Agent;
        // S3 writes the user agent of SDK and CLI callers in brackets.
        var bracketed = context.Api.Service.IamPrefix == "s3" && agent.Family is not (UserAgentFamily.Console or UserAgentFamily.Browser or UserAgentFamily.AwsService);
        if (!bracketed && !agent.AppendsCliCommand)
        {
            writer.WriteString("userAgent"u8, agent.Utf8);
            return;
        }

        Span<byte> buffer = stackalloc byte[agent.Utf8.Length + 80];
        var n = 0;
        if (bracketed)
            buffer[n++] = (byte)'[';
        agent.Utf8.CopyTo(buffer[n..]);
        n += agent.Utf8.Length;
        if (agent.AppendsCliCommand)
        {
            " command/"u8.CopyTo(buffer[n..]);
            n += 9;
            var command = context.Api.CliCommand;
            var length = Math.Min(command.Length, buffer.Length - n - 1);
            command.AsSpan(0, length).CopyTo(buffer[n..]);
            n += length;
        }

        if (bracketed)
            buffer[n++] = (byte)']';
        writer.WriteString("userAgent"u8, buffer[..n]);
    }

    private static void WriteErrorMessage(Utf8JsonWriter writer, CloudTrailContext context, ApiError error)
    {
        switch (error.Kind)
        {
            case ApiErrorKind.NotAuthorized:
                writer.WriteString("errorMessage"u8, NotAuthorized(context));
                break;
            case ApiErrorKind.Ec2NotAuthorized:
                writer.WriteString("errorMessage"u8, "You are not authorized to perform this operation. " + NotAuthorized(context));
                break;
            default:
                if (error.Message is { } message)
                    writer.WriteString("errorMessage"u8, message);
                break;
        }
    }

    private static string NotAuthorized(CloudTrailContext context)
    {
        var action = context.Api.IamAction;
        var arn = context.Principal.Arn.Length > 0 ? context.Principal.Arn : "arn:aws:iam::" + context.Principal.AccountId + ":root";
        return "User: " + arn + " is not authorized to perform: " + action + " because no identity-based policy allows the " + action + " action";
    }

    private static void WriteRequestId(Utf8JsonWriter writer, CloudTrailContext context)
    {
        if (context.Api.Service.IamPrefix == "s3")
            context.WriteHex(writer, "requestID"u8, 16, upper: true);
        else
            context.WriteUuid(writer, "requestID"u8);
    }

    private static void WriteTlsDetails(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("tlsDetails"u8);
        var modern = context.Agent.Family is not (UserAgentFamily.AwsCliV1 or UserAgentFamily.JavaSdk) || (context.Time & 3) != 0;
        writer.WriteString("tlsVersion"u8, modern ? "TLSv1.3"u8 : "TLSv1.2"u8);
        writer.WriteString("cipherSuite"u8, modern ? "TLS_AES_128_GCM_SHA256"u8 : "ECDHE-RSA-AES128-GCM-SHA256"u8);
        Span<byte> host = stackalloc byte[160];
        var n = 0;
        var service = context.Api.Service;
        if (service.IamPrefix == "s3" && context.Bucket.Length > 0)
        {
            n += System.Text.Encoding.ASCII.GetBytes(context.Bucket, host);
            ".s3."u8.CopyTo(host[n..]);
            n += 4;
            n += System.Text.Encoding.ASCII.GetBytes(context.AwsRegion, host[n..]);
            ".amazonaws.com"u8.CopyTo(host[n..]);
            n += 14;
        }
        else if (service.Global)
        {
            n += System.Text.Encoding.ASCII.GetBytes(service.Host, host);
        }
        else
        {
            n += System.Text.Encoding.ASCII.GetBytes(service.Host, host);
            host[n++] = (byte)'.';
            n += System.Text.Encoding.ASCII.GetBytes(context.AwsRegion, host[n..]);
            ".amazonaws.com"u8.CopyTo(host[n..]);
            n += 14;
        }

        writer.WriteString("clientProvidedHostHeader"u8, host[..n]);
        writer.WriteEndObject();
    }
}
