using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LockFirmware;
using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockFirmware.Storage;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Phone;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LockSimulator.Server.Hosting;

// The document is OpenAPI 3.0, whose schemas carry one "example"; "examples" is 3.1's.
#pragma warning disable CS0618

/// <summary>
/// What the generated OpenAPI document cannot know: the closed sets of strings (states,
/// alarms, battery levels, presets, warnings, event kinds, results) as enums, an example for
/// every schema and every request and response body, the error answer of every operation,
/// and the rules a client in any language needs (time, refusals, WebSockets).
/// </summary>
internal static class OpenApiCompletion
{
    private const string Description =
        "A fleet of simulated home-care locks running the real firmware in virtual time. Time is paused until advanced " +
        "(POST /time/advance) or run (POST /time/run).\n\n" +
        "Errors: every 4xx and 5xx is application/problem+json with the Problem schema (type, title, status, detail); the detail says what to change. " +
        "Request bodies are strict JSON: unknown fields, a field given twice, and numbers sent as strings are refused with 400.\n\n" +
        "A lock that refuses is not an HTTP error: a phone operation or a pairing the lock refuses answers 200 with result not \"Ok\" " +
        "(e.g. OutsideWindow, RefusedBattery, PairingClosed). 4xx means the request itself was wrong, 409 that the lock cannot be reached now.\n\n" +
        "Credentials (POST /backend/credentials) default to role Staff, organisation 1, valid from an hour before the fleet's wall time for a day, " +
        "every day at any time; a daily window needs days.\n\n" +
        "WebSockets (text is UTF-8 JSON, one object per message): /events sends one FleetEvent per text message and only listens; when the client " +
        "falls behind it is closed with code 1008 and the reason \"fell behind: reconnect with ?since=N\". /locks/{id}/ble carries binary " +
        "messages that are exactly the GATT fragments (client: a write to the command characteristic; server: a notification) and text control " +
        "messages: client {\"type\":\"connect\"}, {\"type\":\"mtu\",\"mtu\":185}, {\"type\":\"disconnect\"}; server {\"type\":\"connected\",\"mtu\":23,\"timeMs\":0}, " +
        "{\"type\":\"mtu\",\"mtu\":185}, {\"type\":\"disconnected\",\"reason\":\"client\"|\"power\"}, {\"type\":\"error\",\"detail\":\"…\"}. " +
        "Client frames must be masked (else close 1002); a message over 1024 bytes closes with 1009. See the server README for more.";

    public static Task CompleteAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancel)
    {
        document.Info = new OpenApiInfo { Title = "Lock simulator server", Version = "1", Description = Description };
        IDictionary<string, IOpenApiSchema> schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach ((string schema, string property, string[] values) in Enums())
        {
            if (schemas.TryGetValue(schema, out IOpenApiSchema? found) && found.Properties?.TryGetValue(property, out IOpenApiSchema? p) == true && p is OpenApiSchema field)
            {
                OpenApiSchema target = field.Items as OpenApiSchema ?? field;
                target.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }
        }

        foreach ((string schema, string property, string description, JsonNode example) in Described())
        {
            if (schemas.TryGetValue(schema, out IOpenApiSchema? found) && found.Properties?.TryGetValue(property, out IOpenApiSchema? p) == true && p is OpenApiSchema field)
            {
                field.Description = description;
                field.Example = example;
            }
        }

        foreach ((string name, object sample) in OpenApiExamples.Samples)
        {
            if (schemas.TryGetValue(name, out IOpenApiSchema? found) && found is OpenApiSchema schema)
            {
                schema.Example = JsonSerializer.SerializeToNode(sample, sample.GetType(), ServerJson.Options);
            }
        }

        foreach (OpenApiOperation operation in (document.Paths ?? new OpenApiPaths()).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("default", new OpenApiResponse
            {
                Description = "Any other error (bad path, wrong method 405, body too large 413, wrong media type 415, missing token 401, cross-origin 403)",
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemWriter.MediaType] = new() { Schema = new OpenApiSchemaReference(nameof(Problem), document) } },
            });
            foreach (OpenApiMediaType media in operation.Responses.Values.Select(r => r.Content).Append(operation.RequestBody?.Content).SelectMany(c => c?.Values ?? Enumerable.Empty<OpenApiMediaType>()))
            {
                media.Example ??= ExampleOf(media.Schema, schemas);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The example of a referenced schema, or an array of one for an array of them.</summary>
    private static JsonNode? ExampleOf(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas) => schema switch
    {
        OpenApiSchemaReference reference when reference.Reference.Id is string id && schemas.TryGetValue(id, out IOpenApiSchema? s) => s.Example?.DeepClone(),
        { OneOf: { } options } when options.Select(o => ExampleOf(o, schemas)).FirstOrDefault(e => e != null) is JsonNode first => first,
        { Items: IOpenApiSchema items } when ExampleOf(items, schemas) is JsonNode one => new JsonArray(one),
        { Type: JsonSchemaType.String } when schema.Format == null => JsonValue.Create("$date\n$timescale 1 ms $end\n…"),
        _ => null,
    };

    private const string KindText =
        "The kind of unit: door (the customer's own door, a thumb-turn motor), port (a building's shared entrance, linked to every customer " +
        "behind it) or laundry (the building's laundry room); port and laundry units drive an electric strike through a relay, with a door contact " +
        "and a held-open alarm (alarm DoorHeldOpen), and speak the same protocol. Default door.";

    /// <summary>Properties whose meaning a client needs in the document itself, with an example value.</summary>
    private static IEnumerable<(string Schema, string Property, string Description, JsonNode Example)> Described() =>
    [
        ("CreateLockRequest", "kind", KindText, JsonValue.Create("port")),
        ("CreateLocksRequest", "kind", KindText + " Every lock of the request is of this kind.", JsonValue.Create("port")),
        ("LockView", "kind", "The kind of unit, as created: door, port or laundry.", JsonValue.Create("port")),
        ("StatusView", "kind", "Which kind of unit answered the status (its 13th byte): door, port or laundry.", JsonValue.Create("port")),
        ("LockView", "strike", "A port or laundry unit's electric strike: released (relay on, the door may be pushed open) or engaged; absent on a door unit.", JsonValue.Create("engaged")),
        ("LockView", "mains", "A port or laundry unit's building supply as its sense input sees it (PUT /locks/{id}/mains); the unit counts a change after 2 s " +
                              "(warning MainsLost, audit MainsLost/MainsRestored); absent on a door unit.", JsonValue.Create("present")),
        ("WarningsView", "bits", "The status's warning bits: the first warnings byte (0x01 … 0x80) and the second (0x100 MainsLost, 0x200 BackupLow: port and laundry units).", JsonValue.Create(0x110)),
        ("LockView", "doorOpen", "The door as last set with PUT /locks/{id}/door: a door unit's optional door sensor, a port or laundry unit's door contact " +
                                 "(open during a release confirms an entry; open past the held-open time raises alarm DoorHeldOpen).", JsonValue.Create(false)),
    ];

    private static IEnumerable<(string Schema, string Property, string[] Values)> Enums()
    {
        string[] states = [.. Enum.GetNames<LockState>(), "NoPower"];
        string[] alarms = Enum.GetNames<MotorAlarm>();
        string[] levels = Enum.GetNames<BatteryLevel>();
        string[] outcomes = Enum.GetNames<SelfTestOutcome>();
        string[] gasRisks = Enum.GetNames<GasRiskCause>();
        string[] results = Enum.GetNames<ResultCode>();
        string[] presets = BatteryPresets.All;
        string[] warnings = WarningNames.All;
        string[] kinds = Enum.GetNames<UnitKind>().Select(name => name.ToLowerInvariant()).ToArray();
        return
        [
            ("LockView", "state", states), ("LockView", "alarm", alarms), ("LockView", "batteryLevel", levels), ("LockView", "gasRisk", gasRisks),
            ("LockView", "lastSelfTest", outcomes), ("LockView", "batteryPreset", presets),
            ("LockSummary", "state", states), ("LockSummary", "batteryLevel", levels),
            ("StatusView", "state", states), ("StatusView", "alarm", alarms), ("StatusView", "batteryLevel", levels),
            ("StatusView", "lastSelfTest", outcomes), ("StatusView", "gasRisk", gasRisks),
            ("WarningsView", "names", warnings), ("FleetEvent", "names", warnings),
            ("CreateLockRequest", "battery", presets), ("CreateLocksRequest", "battery", presets), ("BatteryRequest", "preset", presets),
            ("CreateLockRequest", "kind", kinds), ("CreateLocksRequest", "kind", kinds), ("LockView", "kind", kinds), ("StatusView", "kind", kinds),
            ("LockView", "strike", ["released", "engaged"]),
            ("LockView", "mains", ["present", "lost"]),
            ("FleetEvent", "kind", FleetEventKinds.All),
            ("AuditRecordView", "event", Enum.GetNames<AuditEvent>()),
            ("PhoneResult", "operation", Enum.GetNames<PhoneOperation>()), ("PhoneResult", "result", results),
            ("PhoneRefusal", "message", ["Hello", "SetTime", "Command", "Pair", "Info"]), ("PhoneRefusal", "result", results),
            ("PhoneEventView", "kind", ["stateChanged", "selfTestFinished"]), ("PhoneEventView", "state", states), ("PhoneEventView", "alarm", alarms),
            ("PhoneEventView", "battery", levels), ("PhoneEventView", "outcome", outcomes),
            ("PairResult", "result", results),
            ("TimeView", "mode", ["paused", "running"]),
            ("WebhookPayload", "kind", ["status", "audit"]),
            ("WebhookView", "signatureHeader", [Webhooks.WebhookSender.SignatureHeader]),
            ("Problem", "type", ["about:blank"]),
        ];
    }
}
