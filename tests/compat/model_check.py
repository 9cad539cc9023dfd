"""Check raw AWS replies against botocore's own service models.

The checker looks at the bytes the server actually sent (before botocore parses them, so
nothing is smoothed over) and walks them against the operation's output shape:

* every member present exists in the shape (an unknown or misspelled field is reported with
  its path, e.g. ``Commands[0].StatusDetailz``);
* types match the protocol's wire form (JSON: string, integer/long -> int, float/double ->
  number, boolean, timestamp -> epoch number, blob -> base64 string, list, map, structure;
  XML: the text of an element parses as that type);
* enum values are in the shape's enum list;
* ``required`` members are present;
* error replies carry a code that is a modelled error of the operation (or a common AWS
  auth/transport error) and a message.

Constraint traits (min/max/pattern) are reported as *warnings* only: real AWS replies
break some of them (e.g. SSM's ``ExecutionElapsedTime`` is ``PT0.1S`` against an ISO date
pattern), and botocore never validates output constraints.

Protocols: ``json`` (SSM) is complete; ``query`` (STS, IAM) and ``rest-xml`` (S3) go
through :func:`xml_to_value`, a shape-guided XML-to-dict step, and then through the same
validator with XML leaf rules.

Typical use::

    checker = ModelChecker("ssm")
    with RawReplies(client) as raw:
        client.describe_instance_information()
    checker.assert_conforms(raw.last)

or directly: ``checker.check_reply("DescribeInstanceInformation", 200, body_bytes, headers)``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

import botocore.session

# Error codes any AWS endpoint may send for any operation (authentication, throttling,
# request decoding), beyond the errors each operation models. The first block is AWS's
# documented "common errors"; the second the codes JSON-protocol services send in practice
# (botocore's retry and auth handling knows them by these names).
COMMON_ERRORS = frozenset(
    {
        # https://docs.aws.amazon.com/systems-manager/latest/APIReference/CommonErrors.html
        "AccessDeniedException",
        "IncompleteSignature",
        "InternalFailure",
        "InvalidAction",
        "InvalidClientTokenId",
        "NotAuthorized",
        "OptInRequired",
        "RequestExpired",
        "ServiceUnavailable",
        "ThrottlingException",
        "ValidationError",
        # JSON 1.0/1.1 front-end errors
        "IncompleteSignatureException",
        "InvalidSignatureException",
        "MissingAuthenticationTokenException",
        "MissingAuthenticationToken",
        "UnrecognizedClientException",
        "SignatureDoesNotMatch",
        "ExpiredTokenException",
        "ExpiredToken",
        "SerializationException",
        "UnknownOperationException",
        "ValidationException",
        "RequestEntityTooLargeException",
        "InternalServerError",
        "ServiceUnavailableException",
        "Throttling",
        "RequestLimitExceeded",
        "TooManyRequestsException",
    }
)

# Query (STS/IAM) and S3 front-end errors.
COMMON_XML_ERRORS = COMMON_ERRORS | frozenset(
    {
        "AccessDenied",
        "InvalidAccessKeyId",
        "MissingParameter",
        "InvalidParameterValue",
        "InvalidParameterCombination",
        "InvalidQueryParameter",
        "MalformedQueryString",
        "MissingAction",
        "InternalError",
        "MethodNotAllowed",
        "NotImplemented",
        "InvalidRequest",
        "InvalidArgument",
        "MalformedXML",
        "AuthorizationHeaderMalformed",
        "AuthorizationQueryParametersError",
        "SlowDown",
        "EntityTooLarge",
        "BadDigest",
        "InvalidDigest",
        "XAmzContentSHA256Mismatch",
        "InvalidRange",
        "IncompleteBody",
        "RequestTimeTooSkewed",
        "InvalidToken",
        "InvalidBucketName",
        "NoSuchUpload",
        "InvalidPart",
        "InvalidPartOrder",
        "EntityTooSmall",
        "BucketNotEmpty",
        "PreconditionFailed",
    }
)

_ISO8601 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$"
)
# RFC 822 / 7231 dates, which rest-xml uses in headers.
_RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$")


@dataclass(frozen=True)
class Finding:
    path: str
    message: str
    severity: str = "error"  # "error" (does not conform) or "warning" (constraint trait)

    def __str__(self) -> str:
        return f"{self.path or '<root>'}: {self.message}"


@dataclass
class Report:
    """The outcome of checking one reply."""

    service: str
    operation: Optional[str]
    status: int
    body: Any
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def describe(self, include_warnings: bool = False) -> str:
        shown = self.findings if include_warnings else self.errors
        head = f"{self.service} {self.operation or '<no operation>'} (HTTP {self.status})"
        if not shown:
            return f"{head}: conforms"
        # The same finding on every item of a list is shown once, as `List[*]`, with a count.
        grouped: dict[tuple, list] = {}
        for f in shown:
            grouped.setdefault((f.severity, re.sub(r"\[\d+\]", "[*]", f.path), f.message), []).append(f)
        lines = [f"{head}: {len(shown)} non-conformance(s)"]
        for (sev, path, msg), fs in grouped.items():
            if len(fs) == 1:
                lines.append(f"  - [{sev}] {fs[0]}")
            else:
                lines.append(f"  - [{sev}] {path or '<root>'}: {msg} (x{len(fs)})")
        body = self.body if isinstance(self.body, str) else repr(self.body)
        if len(body) > 1500:
            body = body[:1500] + "..."
        lines.append(f"  body: {body}")
        return "\n".join(lines)


class ConformanceError(AssertionError):
    def __init__(self, reports: Iterable[Report]):
        self.reports = list(reports)
        super().__init__("\n".join(r.describe() for r in self.reports))


@dataclass
class RawReply:
    """One HTTP reply as the server sent it."""

    operation: str
    status: int
    headers: dict
    body: bytes
    service: str = ""


# --------------------------------------------------------------------------------------
# capturing raw replies from a botocore client
# --------------------------------------------------------------------------------------


class RawReplies:
    """Records the raw reply of every call a botocore/boto3 client makes.

    Hooks ``before-parse.<service-id>.*``, which botocore emits with the response dict
    (status, headers, body bytes) before any parsing. Use as a context manager or call
    :meth:`close` to unhook."""

    def __init__(self, client):
        self.client = client
        self.replies: list[RawReply] = []
        self._lock = threading.Lock()
        self._service = client.meta.service_model.service_name
        self._event = f"before-parse.{client.meta.service_model.service_id.hyphenize()}"
        self._unique_id = f"model-check-{id(self)}"
        client.meta.events.register(self._event, self._hook, unique_id=self._unique_id)

    def _hook(self, operation_model, response_dict, **_kw):
        body = response_dict.get("body", b"")
        if not isinstance(body, (bytes, bytearray)):
            body = b""  # streaming bodies (S3 GetObject) are not checked here
        reply = RawReply(
            operation=operation_model.name,
            status=int(response_dict.get("status_code", 0)),
            headers={str(k).lower(): v for k, v in dict(response_dict.get("headers", {})).items()},
            body=bytes(body),
            service=self._service,
        )
        with self._lock:
            self.replies.append(reply)

    @property
    def last(self) -> RawReply:
        with self._lock:
            if not self.replies:
                raise AssertionError("no reply was captured")
            return self.replies[-1]

    def take(self) -> list[RawReply]:
        with self._lock:
            out, self.replies = self.replies, []
            return out

    def close(self) -> None:
        self.client.meta.events.unregister(self._event, unique_id=self._unique_id)

    def __enter__(self) -> "RawReplies":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --------------------------------------------------------------------------------------
# the checker
# --------------------------------------------------------------------------------------

_SESSION_LOCK = threading.Lock()
_SESSION = None


def _session():
    global _SESSION
    with _SESSION_LOCK:
        if _SESSION is None:
            _SESSION = botocore.session.get_session()
        return _SESSION


class ModelChecker:
    """Validates raw replies of one service against botocore's model of it."""

    def __init__(self, service: str, service_model=None, check_constraints: bool = True):
        self.service_model = service_model or _session().get_service_model(service)
        self.service = self.service_model.service_name
        self.protocol = self.service_model.protocol  # json, rest-json, query, rest-xml, ec2
        self.check_constraints = check_constraints
        self.common_errors = COMMON_ERRORS if self.protocol in ("json", "rest-json") else COMMON_XML_ERRORS

    # -- public entry points ------------------------------------------------------------

    def operation_names(self) -> list[str]:
        return list(self.service_model.operation_names)

    def check_raw(self, reply: RawReply) -> Report:
        return self.check_reply(reply.operation, reply.status, reply.body, reply.headers)

    def assert_conforms(self, *replies: RawReply) -> list[Report]:
        reports = [self.check_raw(r) for r in replies]
        bad = [r for r in reports if not r.ok]
        if bad:
            raise ConformanceError(bad)
        return reports

    def check_reply(self, operation: Optional[str], status: int, body, headers: Optional[dict] = None) -> Report:
        """Any reply: a success (status < 300) is checked against the output shape, anything
        else as an error reply. `operation` may be None for a request the server could not
        attribute to an operation (then only common errors are acceptable)."""
        if status >= 300 or operation is None:
            return self.check_error(operation, body, status=status, headers=headers)
        return self.check_output(operation, body, status=status, headers=headers)

    def check_output(self, operation: str, body, status: int = 200, headers: Optional[dict] = None) -> Report:
        op = self.service_model.operation_model(operation)
        text = _text(body)
        report = Report(self.service, operation, status, text)
        f = report.findings
        if not 200 <= status < 300:
            f.append(Finding("", f"HTTP status {status} for a success reply"))
        if headers is not None:
            self._check_headers(headers, f)
        shape = op.output_shape
        if self.protocol in ("json", "rest-json"):
            try:
                value = json.loads(text) if text.strip() else {}
            except ValueError as exc:
                f.append(Finding("", f"body is not JSON ({exc})"))
                return report
            if shape is None:
                if value not in ({}, None) and self.protocol == "json":
                    f.append(Finding("", f"operation has no output shape but the body is {value!r}"))
                return report
            if self.protocol == "rest-json":
                shape, value = self._rest_body(shape, value)
            self._validate(shape, value, "", f, wire="json")
        else:
            if shape is None:
                if text.strip() and self.protocol == "rest-xml":
                    f.append(Finding("", "operation has no output shape but the body is not empty"))
                    return report
                if not text.strip():
                    return report
            if not text.strip() and self.protocol == "rest-xml" and not _has_xml_body(shape):
                return report  # e.g. HeadObject/PutObject: everything is in headers; GetObject: streamed
            try:
                root = ET.fromstring(text.encode()) if text.strip() else None
            except ET.ParseError as exc:
                f.append(Finding("", f"body is not XML ({exc})"))
                return report
            value = self._xml_output(op, shape, root, f)
            if value is not _SKIP and shape is not None:
                body_shape = shape
                if self.protocol == "rest-xml":
                    body_shape, value = self._rest_body(shape, value)
                if body_shape is not None:
                    self._validate(body_shape, value, "", f, wire="xml")
        return report

    def check_error(self, operation: Optional[str], body, status: int = 400, headers: Optional[dict] = None) -> Report:
        text = _text(body)
        report = Report(self.service, operation, status, text)
        f = report.findings
        if status < 400:
            f.append(Finding("", f"HTTP status {status} for an error reply"))
        op = self.service_model.operation_model(operation) if operation else None
        modelled = {}
        if op is not None:
            for es in op.error_shapes:
                modelled[es.name] = es
                code = es.metadata.get("error", {}).get("code")
                if code:
                    modelled[code] = es
        if self.protocol in ("json", "rest-json"):
            code, message_value, extra = self._json_error(text, headers, f)
        else:
            code, message_value, extra = self._xml_error(text, f)
        if code is None:
            return report
        if code in modelled:
            es = modelled[code]
            want = es.metadata.get("error", {}).get("httpStatusCode")
            if want and int(want) != status:
                f.append(Finding("__type", f"{code} is modelled with HTTP {want}, sent with {status}"))
            if es.metadata.get("fault") and status < 500:
                f.append(Finding("__type", f"{code} is a server fault but was sent with HTTP {status}"))
            for key, val in extra.items():
                member = _member_by_wire(es, key, self.protocol)
                if member is None:
                    f.append(Finding(key, f"unknown member of error shape {es.name} (members: {sorted(es.members)})"))
                else:
                    self._validate(es.members[member], val, key, f, wire="json" if self.protocol.endswith("json") else "xml")
        elif code not in self.common_errors:
            f.append(
                Finding(
                    "__type" if self.protocol.endswith("json") else "Error.Code",
                    f"{code!r} is neither an error of {operation or 'this request'} "
                    f"(modelled: {sorted(set(s.name for s in modelled.values()))}) nor a common AWS error",
                )
            )
        if message_value is None:
            f.append(Finding("message", "error body has no message"))
        elif not isinstance(message_value, str):
            f.append(Finding("message", f"message is {type(message_value).__name__}, not a string"))
        elif not message_value.strip():
            f.append(Finding("message", "message is empty"))
        return report

    # -- JSON ---------------------------------------------------------------------------

    def _check_headers(self, headers: dict, f: list) -> None:
        h = {str(k).lower(): v for k, v in headers.items()}
        if self.protocol == "json":
            want = f"application/x-amz-json-{self.service_model.metadata.get('jsonVersion', '1.0')}"
            got = str(h.get("content-type", "")).split(";")[0].strip()
            if got != want:
                f.append(Finding("<header Content-Type>", f"expected {want}, got {got or 'none'!r}"))
        if self.protocol in ("json", "rest-json") and not (h.get("x-amzn-requestid") or h.get("x-amz-request-id")):
            f.append(Finding("<header x-amzn-RequestId>", "missing (botocore reads ResponseMetadata.RequestId from it)"))

    def _json_error(self, text: str, headers: Optional[dict], f: list):
        try:
            value = json.loads(text)
        except ValueError as exc:
            f.append(Finding("", f"error body is not JSON ({exc})"))
            return None, None, {}
        if not isinstance(value, dict):
            f.append(Finding("", f"error body is a JSON {type(value).__name__}, not an object"))
            return None, None, {}
        raw_code = value.get("__type") or value.get("code") or value.get("Code")
        if raw_code is None and headers:
            raw_code = {str(k).lower(): v for k, v in headers.items()}.get("x-amzn-errortype")
        if not raw_code:
            f.append(Finding("__type", "error body has no __type"))
            return None, None, {}
        if not isinstance(raw_code, str):
            f.append(Finding("__type", f"__type is {type(raw_code).__name__}, not a string"))
            return None, None, {}
        code = raw_code.split("#")[-1].split(":")[0]
        message_value = value.get("message", value.get("Message"))
        extra = {k: v for k, v in value.items() if k not in ("__type", "message", "Message", "code", "Code")}
        return code, message_value, extra

    # -- XML ----------------------------------------------------------------------------

    def _xml_output(self, op, shape, root, f: list):
        if root is None:
            f.append(Finding("", "empty body; the model expects an XML document"))
            return _SKIP
        if self.protocol == "query":
            want_root = f"{op.name}Response"
            if _local(root.tag) != want_root:
                f.append(Finding("", f"root element is <{_local(root.tag)}>, expected <{want_root}>"))
            wrapper = shape.serialization.get("resultWrapper") if shape is not None else None
            result = None
            for child in root:
                name = _local(child.tag)
                if name == "ResponseMetadata":
                    rid = [c for c in child if _local(c.tag) == "RequestId"]
                    if not rid or not (rid[0].text or "").strip():
                        f.append(Finding("ResponseMetadata.RequestId", "missing"))
                elif wrapper and name == wrapper:
                    result = child
                else:
                    f.append(Finding(name, f"unexpected element in <{want_root}> (expected {wrapper} and ResponseMetadata)"))
            if not any(_local(c.tag) == "ResponseMetadata" for c in root):
                f.append(Finding("ResponseMetadata", "missing"))
            if wrapper is None:
                return _SKIP
            if result is None:
                f.append(Finding(wrapper, "result element missing"))
                return _SKIP
            return xml_to_value(shape, result, "", f)
        # rest-xml: the root is the payload member's element or the output shape itself.
        payload = shape.serialization.get("payload") if shape is not None else None
        if payload:
            mshape = shape.members[payload]
            if mshape.type_name != "structure":
                return _SKIP  # blob/string payload: not XML
            want = mshape.serialization.get("name", payload)
            if _local(root.tag) != want and _local(root.tag) != mshape.name:
                f.append(Finding("", f"root element is <{_local(root.tag)}>, model names <{want}>", "warning"))
            return {payload: xml_to_value(mshape, root, payload, f)}
        # S3 names its root elements freely (ListAllMyBucketsResult, ListBucketResult...);
        # botocore ignores the root's name, so it is not checked.
        return xml_to_value(shape, root, "", f)

    def _xml_error(self, text: str, f: list):
        try:
            root = ET.fromstring(text.encode())
        except ET.ParseError as exc:
            f.append(Finding("", f"error body is not XML ({exc})"))
            return None, None, {}
        err = root
        if _local(root.tag) == "ErrorResponse":  # query
            errs = [c for c in root if _local(c.tag) == "Error"]
            if not errs:
                f.append(Finding("ErrorResponse", "no <Error> element"))
                return None, None, {}
            err = errs[0]
            if not any(_local(c.tag) == "RequestId" for c in root):
                f.append(Finding("ErrorResponse.RequestId", "missing"))
        elif _local(root.tag) != "Error":
            f.append(Finding("", f"error root element is <{_local(root.tag)}>, expected <ErrorResponse> or <Error>"))
            return None, None, {}
        fields = {_local(c.tag): (c.text or "") for c in err}
        code = fields.get("Code")
        if not code:
            f.append(Finding("Error.Code", "missing"))
            return None, None, {}
        if self.protocol == "query" and fields.get("Type") not in ("Sender", "Receiver"):
            f.append(Finding("Error.Type", f"expected Sender or Receiver, got {fields.get('Type')!r}"))
        # S3 errors carry free-form context (Key, BucketName, Resource, HostId...): not checked.
        return code, fields.get("Message"), {}

    # -- REST helpers -------------------------------------------------------------------

    def _rest_body(self, shape, value):
        """For REST protocols: the part of the output shape that travels in the body."""
        payload = shape.serialization.get("payload")
        if payload:
            return shape.members[payload], (value.get(payload) if isinstance(value, dict) else value)
        return _BodyShape(shape), value

    # -- the recursive walk -------------------------------------------------------------

    def _validate(self, shape, value, path: str, f: list, wire: str) -> None:
        t = shape.type_name
        if value is None:
            f.append(Finding(path, f"null where the model has {t} ({shape.name}); the protocol omits absent members"))
            return
        if t == "structure":
            self._structure(shape, value, path, f, wire)
        elif t == "list":
            if not isinstance(value, list):
                f.append(Finding(path, f"expected a list ({shape.name}), got {_describe(value)}"))
                return
            self._constraints(shape, len(value), path, f, "length")
            for i, item in enumerate(value):
                self._validate(shape.member, item, f"{path}[{i}]", f, wire)
        elif t == "map":
            if not isinstance(value, dict):
                f.append(Finding(path, f"expected a map ({shape.name}), got {_describe(value)}"))
                return
            self._constraints(shape, len(value), path, f, "length")
            for k, v in value.items():
                self._validate(shape.key, k, f"{path}{{key {k!r}}}", f, wire)
                self._validate(shape.value, v, f"{path}[{k!r}]", f, wire)
        else:
            self._scalar(shape, value, path, f, wire)

    def _structure(self, shape, value, path: str, f: list, wire: str) -> None:
        if not isinstance(value, dict):
            f.append(Finding(path, f"expected a structure ({shape.name}), got {_describe(value)}"))
            return
        members = shape.members
        for key, v in value.items():
            sub = f"{path}.{key}" if path else key
            name = key if key in members else _member_by_wire(shape, key, self.protocol)
            if name is None:
                close = _close_names(key, members)
                hint = f"; did you mean {close}?" if close else ""
                f.append(Finding(sub, f"unknown member of {shape.name}{hint}"))
                continue
            self._validate(members[name], v, sub, f, wire)
        for req in getattr(shape, "required_members", []) or []:
            if req not in value and _wire_name(members[req], req) not in value:
                sub = f"{path}.{req}" if path else req
                f.append(Finding(sub, f"required member of {shape.name} is missing"))

    def _scalar(self, shape, value, path: str, f: list, wire: str) -> None:
        t = shape.type_name
        if wire == "json":
            ok = {
                "string": lambda v: isinstance(v, str),
                "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
                "long": lambda v: isinstance(v, int) and not isinstance(v, bool),
                "byte": lambda v: isinstance(v, int) and not isinstance(v, bool),
                "short": lambda v: isinstance(v, int) and not isinstance(v, bool),
                "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                "double": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                "boolean": lambda v: isinstance(v, bool),
                "timestamp": lambda v: self._json_timestamp(shape, v),
                "blob": lambda v: isinstance(v, str) and _is_base64(v),
            }.get(t)
        else:
            ok = {
                "string": lambda v: isinstance(v, str),
                "integer": _xml_int,
                "long": _xml_int,
                "byte": _xml_int,
                "short": _xml_int,
                "float": _xml_float,
                "double": _xml_float,
                "boolean": lambda v: v in ("true", "false"),
                "timestamp": lambda v: isinstance(v, str) and bool(_ISO8601.match(v) or _RFC822.match(v) or _xml_float(v)),
                "blob": lambda v: isinstance(v, str) and _is_base64(v),
            }.get(t)
        if ok is None:  # e.g. document / unknown: anything goes
            return
        if not ok(value):
            what = {"timestamp": "timestamp (epoch seconds number)" if wire == "json" else "timestamp (ISO 8601)"}.get(t, t)
            f.append(Finding(path, f"expected {what} ({shape.name}), got {_describe(value)}"))
            return
        enum = getattr(shape, "enum", None) or []
        if t == "string" and enum and value not in enum:
            f.append(Finding(path, f"{value!r} is not in enum {shape.name} {list(enum)}"))
        if t == "string":
            self._constraints(shape, len(value), path, f, "length")
            pattern = shape.metadata.get("pattern")
            if self.check_constraints and pattern:
                try:
                    if re.search(pattern, value) is None:
                        f.append(Finding(path, f"does not match the pattern of {shape.name} (value {value!r})", "warning"))
                except re.error:
                    pass
        elif t in ("integer", "long", "float", "double", "byte", "short"):
            num = float(value) if wire == "xml" else value
            self._constraints(shape, num, path, f, "value")

    def _constraints(self, shape, n, path: str, f: list, what: str) -> None:
        if not self.check_constraints:
            return
        lo, hi = shape.metadata.get("min"), shape.metadata.get("max")
        if lo is not None and n < lo:
            f.append(Finding(path, f"{what} {n} is below min {lo} of {shape.name}", "warning"))
        if hi is not None and n > hi:
            f.append(Finding(path, f"{what} {n} is above max {hi} of {shape.name}", "warning"))

    @staticmethod
    def _json_timestamp(shape, v) -> bool:
        fmt = shape.serialization.get("timestampFormat") or shape.metadata.get("timestampFormat")
        if fmt == "iso8601":
            return isinstance(v, str) and bool(_ISO8601.match(v))
        if fmt == "rfc822":
            return isinstance(v, str) and bool(_RFC822.match(v))
        return isinstance(v, (int, float)) and not isinstance(v, bool)


# --------------------------------------------------------------------------------------
# XML -> dict, guided by the shape
# --------------------------------------------------------------------------------------

_SKIP = object()


def xml_to_value(shape, elem, path: str, findings: list):
    """Turn `elem` into Python values following `shape`: structures become dicts keyed by
    member name (unknown child elements are kept under their own tag, so the validator
    reports them), lists become lists (``<member>`` children, or repeated elements when
    flattened), maps dicts, scalars their text. Wrong list/map item element names are
    reported into `findings`."""
    t = shape.type_name
    if t == "structure":
        out: dict = {}
        by_wire = {}
        flattened = {}
        for name, m in shape.members.items():
            loc = m.serialization.get("location")
            if loc in ("header", "headers", "statusCode", "querystring", "uri"):
                continue
            if m.serialization.get("xmlAttribute"):
                continue
            wire = m.serialization.get("name", name)
            if m.type_name == "list" and m.serialization.get("flattened"):
                wire = m.serialization.get("name") or m.member.serialization.get("name", name)
                flattened[wire] = name
            elif m.type_name == "map" and m.serialization.get("flattened"):
                flattened[wire] = name
            by_wire[wire] = name
        for child in elem:
            tag = _local(child.tag)
            name = by_wire.get(tag)
            sub = f"{path}.{tag}" if path else tag
            if name is None:
                out[tag] = child.text or ""
                continue
            m = shape.members[name]
            if tag in flattened:
                if m.type_name == "list":
                    out.setdefault(name, []).append(xml_to_value(m.member, child, f"{sub}[{len(out.get(name, []))}]", findings))
                else:
                    out.setdefault(name, {}).update(_map_entry(m, child, sub, findings))
            else:
                if name in out:
                    findings.append(Finding(sub, "element appears more than once"))
                out[name] = xml_to_value(m, child, sub, findings)
        return out
    if t == "list":
        item = shape.member.serialization.get("name", "member")
        items = []
        for i, child in enumerate(elem):
            if _local(child.tag) != item:
                findings.append(Finding(f"{path}[{i}]", f"list item element <{_local(child.tag)}>, expected <{item}>"))
            items.append(xml_to_value(shape.member, child, f"{path}[{i}]", findings))
        return items
    if t == "map":
        out = {}
        for child in elem:
            if _local(child.tag) != "entry":
                findings.append(Finding(path, f"map entry element <{_local(child.tag)}>, expected <entry>"))
                continue
            out.update(_map_entry(shape, child, path, findings))
        return out
    if len(elem):
        findings.append(Finding(path, f"{t} ({shape.name}) has child elements"))
    return elem.text or ""


def _map_entry(shape, entry, path, findings) -> dict:
    kname = shape.key.serialization.get("name", "key")
    vname = shape.value.serialization.get("name", "value")
    k = v = None
    for c in entry:
        if _local(c.tag) == kname:
            k = c.text or ""
        elif _local(c.tag) == vname:
            v = xml_to_value(shape.value, c, f"{path}[{k!r}]", findings)
        else:
            findings.append(Finding(path, f"unexpected <{_local(c.tag)}> in map entry"))
    if k is None:
        findings.append(Finding(path, "map entry without key"))
        return {}
    return {k: v}


def _has_xml_body(shape) -> bool:
    payload = shape.serialization.get("payload")
    if payload:
        return shape.members[payload].type_name == "structure"
    return bool(_BodyShape(shape).members)


class _BodyShape:
    """A structure shape seen without its header/status/uri members (REST bodies)."""

    type_name = "structure"

    def __init__(self, shape):
        self._shape = shape
        self.name = shape.name
        self.metadata = shape.metadata
        self.serialization = shape.serialization
        self.members = {
            n: m
            for n, m in shape.members.items()
            if m.serialization.get("location") not in ("header", "headers", "statusCode", "querystring", "uri")
        }
        self.required_members = [r for r in shape.required_members if r in self.members]


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------


def _text(body) -> str:
    if isinstance(body, (bytes, bytearray)):
        return bytes(body).decode("utf-8", errors="replace")
    if isinstance(body, str):
        return body
    return json.dumps(body)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _wire_name(member_shape, member_name: str) -> str:
    return member_shape.serialization.get("name", member_name)


def _member_by_wire(shape, key: str, protocol: str) -> Optional[str]:
    for name, m in shape.members.items():
        if _wire_name(m, name) == key:
            return name
    if key in shape.members:
        return key
    # error shapes: botocore maps `message` onto `Message`
    if key.lower() == "message":
        for name in shape.members:
            if name.lower() == "message":
                return name
    return None


def _close_names(key: str, members) -> list[str]:
    import difflib

    return difflib.get_close_matches(key, list(members), n=2, cutoff=0.75)


def _describe(v) -> str:
    if isinstance(v, bool):
        return f"boolean {v!r}"
    if isinstance(v, (int, float)):
        return f"{type(v).__name__} {v!r}"
    if isinstance(v, str):
        s = v if len(v) <= 60 else v[:60] + "..."
        return f"string {s!r}"
    if isinstance(v, list):
        return f"list of {len(v)}"
    if isinstance(v, dict):
        return f"object with keys {sorted(v)[:8]}"
    return type(v).__name__


def _is_base64(v: str) -> bool:
    try:
        base64.b64decode(v, validate=True)
        return True
    except (binascii.Error, ValueError):
        return False


def _xml_int(v) -> bool:
    return isinstance(v, str) and re.fullmatch(r"[+-]?\d+", v.strip()) is not None


def _xml_float(v) -> bool:
    if not isinstance(v, str):
        return False
    try:
        float(v)
        return True
    except ValueError:
        return False


def epoch_now() -> float:
    return _dt.datetime.now(_dt.timezone.utc).timestamp()
