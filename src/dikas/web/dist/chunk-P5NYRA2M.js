import{B as ri,D as oi,E as Fe,F as Me,G as si,H as ai,R as H,S as ui,U as Ge,V as _e,W as fi,X as ct,Y as li,c as Jt,d as b,e as Qt,g as B,h as ei,i as ge,k as De,l as P,r as me,w as ti,x as ii,y as ni}from"./chunk-KPHL42VG.js";import{d as f}from"./chunk-GINGPXMU.js";var Kn=`#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND

// All these functions are for substituting tan() function from Intel GPU only
const float TWO_PI = 6.2831854820251465;
const float PI_2 = 1.5707963705062866;
const float PI_16 = 0.1963495463132858;

const float SIN_TABLE_0 = 0.19509032368659973;
const float SIN_TABLE_1 = 0.3826834261417389;
const float SIN_TABLE_2 = 0.5555702447891235;
const float SIN_TABLE_3 = 0.7071067690849304;

const float COS_TABLE_0 = 0.9807852506637573;
const float COS_TABLE_1 = 0.9238795042037964;
const float COS_TABLE_2 = 0.8314695954322815;
const float COS_TABLE_3 = 0.7071067690849304;

const float INVERSE_FACTORIAL_3 = 1.666666716337204e-01; // 1/3!
const float INVERSE_FACTORIAL_5 = 8.333333767950535e-03; // 1/5!
const float INVERSE_FACTORIAL_7 = 1.9841270113829523e-04; // 1/7!
const float INVERSE_FACTORIAL_9 = 2.75573188446287533e-06; // 1/9!

float sin_taylor_fp32(float a) {
  float r, s, t, x;

  if (a == 0.0) {
    return 0.0;
  }

  x = -a * a;
  s = a;
  r = a;

  r = r * x;
  t = r * INVERSE_FACTORIAL_3;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_5;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_7;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_9;
  s = s + t;

  return s;
}

void sincos_taylor_fp32(float a, out float sin_t, out float cos_t) {
  if (a == 0.0) {
    sin_t = 0.0;
    cos_t = 1.0;
  }
  sin_t = sin_taylor_fp32(a);
  cos_t = sqrt(1.0 - sin_t * sin_t);
}

float tan_taylor_fp32(float a) {
    float sin_a;
    float cos_a;

    if (a == 0.0) {
        return 0.0;
    }

    // 2pi range reduction
    float z = floor(a / TWO_PI);
    float r = a - TWO_PI * z;

    float t;
    float q = floor(r / PI_2 + 0.5);
    int j = int(q);

    if (j < -2 || j > 2) {
        return 1.0 / 0.0;
    }

    t = r - PI_2 * q;

    q = floor(t / PI_16 + 0.5);
    int k = int(q);
    int abs_k = int(abs(float(k)));

    if (abs_k > 4) {
        return 1.0 / 0.0;
    } else {
        t = t - PI_16 * q;
    }

    float u = 0.0;
    float v = 0.0;

    float sin_t, cos_t;
    float s, c;
    sincos_taylor_fp32(t, sin_t, cos_t);

    if (k == 0) {
        s = sin_t;
        c = cos_t;
    } else {
        if (abs(float(abs_k) - 1.0) < 0.5) {
            u = COS_TABLE_0;
            v = SIN_TABLE_0;
        } else if (abs(float(abs_k) - 2.0) < 0.5) {
            u = COS_TABLE_1;
            v = SIN_TABLE_1;
        } else if (abs(float(abs_k) - 3.0) < 0.5) {
            u = COS_TABLE_2;
            v = SIN_TABLE_2;
        } else if (abs(float(abs_k) - 4.0) < 0.5) {
            u = COS_TABLE_3;
            v = SIN_TABLE_3;
        }
        if (k > 0) {
            s = u * sin_t + v * cos_t;
            c = u * cos_t - v * sin_t;
        } else {
            s = u * sin_t - v * cos_t;
            c = u * cos_t + v * sin_t;
        }
    }

    if (j == 0) {
        sin_a = s;
        cos_a = c;
    } else if (j == 1) {
        sin_a = c;
        cos_a = -s;
    } else if (j == -1) {
        sin_a = -c;
        cos_a = s;
    } else {
        sin_a = -s;
        cos_a = -c;
    }
    return sin_a / cos_a;
}
#endif

float tan_fp32(float a) {
#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND
  return tan_taylor_fp32(a);
#else
  return tan(a);
#endif
}
`,Yn=`#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND
const FP32_TWO_PI: f32 = 6.2831854820251465;
const FP32_PI_2: f32 = 1.5707963705062866;
const FP32_PI_16: f32 = 0.1963495463132858;

const FP32_SIN_TABLE_0: f32 = 0.19509032368659973;
const FP32_SIN_TABLE_1: f32 = 0.3826834261417389;
const FP32_SIN_TABLE_2: f32 = 0.5555702447891235;
const FP32_SIN_TABLE_3: f32 = 0.7071067690849304;

const FP32_COS_TABLE_0: f32 = 0.9807852506637573;
const FP32_COS_TABLE_1: f32 = 0.9238795042037964;
const FP32_COS_TABLE_2: f32 = 0.8314695954322815;
const FP32_COS_TABLE_3: f32 = 0.7071067690849304;

const FP32_INVERSE_FACTORIAL_3: f32 = 1.666666716337204e-01;
const FP32_INVERSE_FACTORIAL_5: f32 = 8.333333767950535e-03;
const FP32_INVERSE_FACTORIAL_7: f32 = 1.9841270113829523e-04;
const FP32_INVERSE_FACTORIAL_9: f32 = 2.75573188446287533e-06;
const FP32_OVERFLOW: f32 = 3.402823466e+38;

fn sin_taylor_fp32(a: f32) -> f32 {
  if (a == 0.0) {
    return 0.0;
  }

  let x = -a * a;
  var sum = a;
  var term = a;

  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_3;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_5;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_7;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_9;

  return sum;
}

fn tan_taylor_fp32(a: f32) -> f32 {
  if (a == 0.0) {
    return 0.0;
  }

  let z = floor(a / FP32_TWO_PI);
  let reduced = a - FP32_TWO_PI * z;

  var quadrantValue = floor(reduced / FP32_PI_2 + 0.5);
  let quadrant = i32(quadrantValue);
  if (quadrant < -2 || quadrant > 2) {
    return FP32_OVERFLOW;
  }

  var angle = reduced - FP32_PI_2 * quadrantValue;
  quadrantValue = floor(angle / FP32_PI_16 + 0.5);
  let tableIndex = i32(quadrantValue);
  let absoluteTableIndex = abs(tableIndex);
  if (absoluteTableIndex > 4) {
    return FP32_OVERFLOW;
  }

  angle = angle - FP32_PI_16 * quadrantValue;
  let sinAngle = sin_taylor_fp32(angle);
  let cosAngle = sqrt(1.0 - sinAngle * sinAngle);

  var tableCos = 0.0;
  var tableSin = 0.0;
  if (absoluteTableIndex == 1) {
    tableCos = FP32_COS_TABLE_0;
    tableSin = FP32_SIN_TABLE_0;
  } else if (absoluteTableIndex == 2) {
    tableCos = FP32_COS_TABLE_1;
    tableSin = FP32_SIN_TABLE_1;
  } else if (absoluteTableIndex == 3) {
    tableCos = FP32_COS_TABLE_2;
    tableSin = FP32_SIN_TABLE_2;
  } else if (absoluteTableIndex == 4) {
    tableCos = FP32_COS_TABLE_3;
    tableSin = FP32_SIN_TABLE_3;
  }

  var sinReduced = sinAngle;
  var cosReduced = cosAngle;
  if (tableIndex > 0) {
    sinReduced = tableCos * sinAngle + tableSin * cosAngle;
    cosReduced = tableCos * cosAngle - tableSin * sinAngle;
  } else if (tableIndex < 0) {
    sinReduced = tableCos * sinAngle - tableSin * cosAngle;
    cosReduced = tableCos * cosAngle + tableSin * sinAngle;
  }

  var sinValue = 0.0;
  var cosValue = 0.0;
  if (quadrant == 0) {
    sinValue = sinReduced;
    cosValue = cosReduced;
  } else if (quadrant == 1) {
    sinValue = cosReduced;
    cosValue = -sinReduced;
  } else if (quadrant == -1) {
    sinValue = -cosReduced;
    cosValue = sinReduced;
  } else {
    sinValue = -sinReduced;
    cosValue = -cosReduced;
  }

  return sinValue / cosValue;
}

fn tan_fp32(a: f32) -> f32 {
  return tan_taylor_fp32(a);
}
#else
fn tan_fp32(a: f32) -> f32 {
  return tan(a);
}
#endif
`,Xn={name:"fp32",source:Yn,vs:Kn};var N="(?:var<\\s*(uniform|storage(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)?)\\s*>|var)\\s+([A-Za-z_][A-Za-z0-9_]*)";var ne=[new RegExp(`@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${N}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*${N}`,"g")],Ue=[new RegExp(`@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${N}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*${N}`,"g")],ci=[new RegExp(`@binding\\(\\s*(\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${N}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(\\d+)\\s*\\)\\s*${N}`,"g")],Jn=[new RegExp(`@binding\\(\\s*(auto)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${N}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto)\\s*\\)\\s*${N}`,"g"),new RegExp(`@binding\\(\\s*(auto)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)(?:[\\s\\n\\r]*@[A-Za-z_][^\\n\\r]*)*[\\s\\n\\r]*${N}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto)\\s*\\)(?:[\\s\\n\\r]*@[A-Za-z_][^\\n\\r]*)*[\\s\\n\\r]*${N}`,"g")];function re(t){let e=t.split(""),i=0,n=0,r=!1,o=!1,s=!1;for(;i<t.length;){let a=t[i],u=t[i+1];if(o){s?s=!1:a==="\\"?s=!0:a==='"'&&(o=!1),i++;continue}if(r){a===`
`||a==="\r"?r=!1:e[i]=" ",i++;continue}if(n>0){if(a==="/"&&u==="*"){e[i]=" ",e[i+1]=" ",n++,i+=2;continue}if(a==="*"&&u==="/"){e[i]=" ",e[i+1]=" ",n--,i+=2;continue}a!==`
`&&a!=="\r"&&(e[i]=" "),i++;continue}if(a==='"'){o=!0,i++;continue}if(a==="/"&&u==="/"){e[i]=" ",e[i+1]=" ",r=!0,i+=2;continue}if(a==="/"&&u==="*"){e[i]=" ",e[i+1]=" ",n=1,i+=2;continue}i++}return e.join("")}function K(t,e){let i=re(t),n=[];for(let r of e){r.lastIndex=0;let o;for(o=r.exec(i);o;){let s=r===e[0],a=o.index,u=o[0].length;n.push({match:t.slice(a,a+u),index:a,length:u,bindingToken:o[s?1:2],groupToken:o[s?2:1],accessDeclaration:o[3]?.trim(),name:o[4]}),o=r.exec(i)}}return n.sort((r,o)=>r.index-o.index)}function dt(t,e,i){let n=K(t,e);if(!n.length)return t;let r="",o=0;for(let s of n)r+=t.slice(o,s.index),r+=i(s),o=s.index+s.length;return r+=t.slice(o),r}function ht(t){return/@binding\(\s*auto\s*\)/.test(re(t))}function di(t,e){return K(t,e===ne||e===Ue?Jn:e).find(n=>n.bindingToken==="auto")}function ke(t,e={}){let i=hi(t),n=Qn(i);if(!n)return null;let r=er(i,n);if(!r)return null;let o=ir(i,n,r);if(!o)return null;if(e.scanVertexAttributes===!1)return{attributes:[],bindings:o};let s=tr(i,n);if(!s)return null;let a=ar(i,n,r,s,e.vertexEntryPoint);return a?{attributes:a,bindings:o}:null}function hi(t){let e=re(t),i=/[A-Za-z_][A-Za-z0-9_]*|(?:0[xX][0-9A-Fa-f]+|\d+)|[@(){}<>\[\]:,;=]/g,n=[],r=i.exec(e);for(;r;)n.push({value:r[0],index:r.index}),r=i.exec(e);return n}function Qn(t){let e=[],i=0;for(let n of t){if(n.value==="}"&&i===0)return null;e.push(i),n.value==="{"?i++:n.value==="}"&&i--}return i===0?e:null}function er(t,e){let i=new Map;for(let n=0;n<t.length;n++){if(e[n]!==0||t[n].value!=="alias")continue;let r=t[n+1]?.value;if(!be(r)||t[n+2]?.value!=="="||i.has(r))return null;let o=mi(t,e,n+3,";");if(o<0||o===n+3)return null;i.set(r,$e(t.slice(n+3,o))),n=o}return i}function tr(t,e){let i=new Map;for(let n=0;n<t.length;n++){if(e[n]!==0||t[n].value!=="struct")continue;let r=t[n+1]?.value,o=n+2;if(!be(r)||i.has(r)||t[o]?.value!=="{")return null;let s=_t(t,o,"{","}");if(s<0)return null;i.set(r,t.slice(o+1,s)),n=s}return i}function ir(t,e,i){let n=[],r=new Set,o=new Set;for(let s=0;s<t.length;s++){if(e[s]!==0||t[s].value!=="var")continue;let a=_i(t,e,s),u=t.slice(a,s),l=pt(u,"group"),c=pt(u,"binding");if(l===null||c===null||l===void 0!=(c===void 0))return null;if(l===void 0||c===void 0)continue;let h=s+1,p=[];if(t[h]?.value==="<"){let _=_t(t,h,"<",">");if(_<0)return null;let T=ze(t.slice(h+1,_),",");if(!T)return null;p=T.map($e),h=_+1}let d=t[h]?.value;if(!be(d)||t[h+1]?.value!==":")return null;let g=mi(t,e,h+2,";");if(g<0||g===h+2)return null;let m=mt($e(t.slice(h+2,g)),i);if(!m)return null;let y=nr({name:d,group:l,location:c,addressSpace:p,resourceType:m}),x=`${l}:${c}`;if(!y||r.has(x)||o.has(d))return null;n.push(y),r.add(x),o.add(d),s=g}return sr(n),n.sort((s,a)=>s.group-a.group||s.location-a.location||s.name.localeCompare(a.name))}function nr(t){let{name:e,group:i,location:n,addressSpace:r,resourceType:o}=t,s={name:e,group:i,location:n};if(r[0]==="uniform"&&r.length===1)return{...s,type:"uniform"};if(r[0]==="storage"&&r.length<=2){let a=r[1]||"read";return a==="read"?{...s,type:"read-only-storage"}:a==="read_write"?{...s,type:"storage"}:null}return r.length>0?null:o==="sampler"||o==="sampler_comparison"?{...s,type:"sampler",...o==="sampler_comparison"?{samplerType:"comparison"}:{}}:o==="texture_external"?{...s,type:"external-texture"}:rr(s,o)||or(s,o)}function rr(t,e){let i=/^texture_storage_(1d|2d|2d_array|3d)<([A-Za-z0-9_]+),(read|write|read_write)>$/.exec(e);if(!i)return null;let n={read:"read-only",write:"write-only",read_write:"read-write"}[i[3]];return{...t,type:"storage",format:i[2],access:n,viewDimension:gt(i[1])}}function or(t,e){let i=/^texture_(multisampled_)?(1d|2d|2d_array|cube|cube_array|3d)<(f32|i32|u32)>$/.exec(e);if(i){if(i[1]&&i[2]!=="2d")return null;let r={f32:"float",i32:"sint",u32:"uint"}[i[3]];return{...t,type:"texture",viewDimension:gt(i[2]),sampleType:r,multisampled:!!i[1]}}let n=/^texture_depth_(multisampled_)?(2d|2d_array|cube|cube_array)$/.exec(e);return!n||n[1]&&n[2]!=="2d"?null:{...t,type:"texture",viewDimension:gt(n[2]),sampleType:"depth",multisampled:!!n[1]}}function sr(t){for(let e of t){if(e.type!=="sampler"||e.samplerType||!e.name.endsWith("Sampler"))continue;let i=e.name.slice(0,-7);t.find(r=>r.type==="texture"&&r.name===i&&r.group===e.group)?.sampleType==="depth"&&(e.samplerType="non-filtering")}}function ar(t,e,i,n,r){let o=ur(t,e);if(!o)return null;let s=o.filter(d=>d.vertex),a=r?s.find(d=>d.name===r):s.length===1?s[0]:void 0;if(!a)return s.length===0&&!r?[]:null;let u=ze(a.parameters,",");if(!u)return null;let l=[],c=new Set,h=new Set,p=new Set;for(let d of u)if(d.length>0&&!pi({declaration:d,aliases:i,structures:n,attributes:l,attributeLocations:c,attributeNames:h,visitedStructures:p}))return null;return l.sort((d,g)=>d.location-g.location||d.name.localeCompare(g.name))}function ur(t,e){let i=[],n=new Set;for(let r=0;r<t.length;r++){if(e[r]!==0||t[r].value!=="fn")continue;let o=t[r+1]?.value,s=r+2;if(!be(o)||n.has(o)||t[s]?.value!=="(")return null;let a=_t(t,s,"(",")");if(a<0)return null;let u=_i(t,e,r);i.push({name:o,vertex:gi(t.slice(u,r),"vertex"),parameters:t.slice(s+1,a)}),n.add(o),r=a}return i}function pi(t){let{declaration:e,aliases:i,structures:n,attributes:r,attributeLocations:o,attributeNames:s,visitedStructures:a}=t,u=cr(e,":");if(u<1||u===e.length-1)return!1;let l=dr(e.slice(0,u)),c=pt(e.slice(0,u),"location"),h=gi(e.slice(0,u),"builtin"),p=mt($e(e.slice(u+1)),i);if(!l||c===null||!p||c!==void 0&&h)return!1;if(c!==void 0){let m=lr(p);return!m||o.has(c)||s.has(l)?!1:(r.push({name:l,location:c,type:m}),o.add(c),s.add(l),!0)}if(h)return!0;let d=n.get(p);if(!d||a.has(p))return!1;let g=ze(d,",");if(!g)return!1;a.add(p);for(let m of g)if(m.length>0&&!pi({...t,declaration:m}))return!1;return a.delete(p),!0}function mt(t,e,i=new Set){let n=hi(t),r="";for(let o of n){let s=e.get(o.value);if(!s){r+=fr(o.value);continue}if(i.has(o.value))return null;let a=new Set(i);a.add(o.value);let u=mt(s,e,a);if(!u)return null;r+=u}return r}function fr(t){let e=/^(vec[234]|mat[234]x[234])([fiuh])$/.exec(t);if(!e)return t;let i={f:"f32",i:"i32",u:"u32",h:"f16"}[e[2]];return`${e[1]}<${i}>`}function lr(t){return/^(?:i32|u32|f32|f16|vec[234]<(?:i32|u32|f32|f16)>)$/.test(t)?t:null}function pt(t,e){let i;for(let n=0;n<t.length;n++)if(!(t[n].value!=="@"||t[n+1]?.value!==e)){if(i!==void 0||t[n+2]?.value!=="("||!/^\d+$/.test(t[n+3]?.value||"")||t[n+4]?.value!==")")return null;i=Number(t[n+3].value)}return i}function gi(t,e){return t.some((i,n)=>i.value==="@"&&t[n+1]?.value===e)}function gt(t){return t.replace("_","-")}function _t(t,e,i,n){let r=0;for(let o=e;o<t.length;o++)if(t[o].value===i)r++;else if(t[o].value===n&&--r===0)return o;return-1}function ze(t,e){let i=[],n=0,r={"(":0,"<":0,"[":0,"{":0},o=Object.keys(r),s={")":"(",">":"<","]":"[","}":"{"};for(let a=0;a<t.length;a++){let u=t[a].value;if(u===e&&o.every(l=>r[l]===0)){i.push(t.slice(n,a)),n=a+1;continue}if(u in r)r[u]++;else if(u in s){let l=s[u];if(r[l]--,r[l]<0)return null}}return o.every(a=>r[a]===0)?(i.push(t.slice(n)),i):null}function cr(t,e){let i=ze(t,e);return i&&i.length===2?i[0].length:-1}function mi(t,e,i,n){for(let r=i;r<t.length;r++)if(e[r]===0&&t[r].value===n)return r;return-1}function _i(t,e,i){for(let n=i-1;n>=0;n--)if(t[n].value===";"&&e[n]===0||t[n].value==="}"&&e[n]===1)return n+1;return 0}function dr(t){for(let e=t.length-1;e>=0;e--)if(be(t[e].value))return t[e].value;return null}function $e(t){return t.map(e=>e.value).join("")}function be(t){return!!(t&&/^[A-Za-z_][A-Za-z0-9_]*$/.test(t))}function k(t,e){if(!t){let i=new Error(e||"shadertools: assertion failed.");throw Error.captureStackTrace?.(i,k),i}}var bt={number:{type:"number",validate(t,e){return Number.isFinite(t)&&typeof e=="object"&&(e.max===void 0||t<=e.max)&&(e.min===void 0||t>=e.min)}},array:{type:"array",validate(t,e){return Array.isArray(t)||ArrayBuffer.isView(t)}}};function yi(t){let e={};for(let[i,n]of Object.entries(t))e[i]=hr(n);return e}function hr(t){let e=bi(t);if(e!=="object")return{value:t,...bt[e],type:e};if(typeof t=="object")return t?t.type!==void 0?{...t,...bt[t.type],type:t.type}:t.value===void 0?{type:"object",value:t}:(e=bi(t.value),{...t,...bt[e],type:e}):{type:"object",value:null};throw new Error("props")}function bi(t){return Array.isArray(t)||ArrayBuffer.isView(t)?"array":typeof t}var vi=`#ifdef MODULE_LOGDEPTH
  logdepth_adjustPosition(gl_Position);
#endif
`,xi=`#ifdef MODULE_MATERIAL
  fragColor = material_filterColor(fragColor);
#endif

#ifdef MODULE_LIGHTING
  fragColor = lighting_filterColor(fragColor);
#endif

#ifdef MODULE_FOG
  fragColor = fog_filterColor(fragColor);
#endif

#ifdef MODULE_PICKING
  fragColor = picking_filterHighlightColor(fragColor);
  fragColor = picking_filterPickingColor(fragColor);
#endif

#ifdef MODULE_LOGDEPTH
  logdepth_setFragDepth();
#endif
`;var pr={vertex:vi,fragment:xi},wi=/void\s+main\s*\([^)]*\)\s*\{\n?/,Li=/}\n?[^{}]*$/,yt=[],ye="__LUMA_INJECT_DECLARATIONS__";function Si(t){let e={vertex:{},fragment:{}};for(let i in t){let n=t[i],r=gr(i);typeof n=="string"&&(n={order:0,injection:n}),e[r][i]=n}return e}function gr(t){let e=t.slice(0,2);switch(e){case"vs":return"vertex";case"fs":return"fragment";default:throw new Error(e)}}function ve(t,e,i,n=!1,r="glsl",o={}){let s=e==="vertex";for(let a in i){let u=i[a];u.sort((c,h)=>c.order-h.order),yt.length=u.length;for(let c=0,h=u.length;c<h;++c)yt[c]=u[c].injection;let l=`${yt.join(`
`)}
`;switch(a){case"vs:#decl":(r==="wgsl"||s)&&(t=t.replace(ye,l));break;case"vs:#main-start":(r==="wgsl"||s)&&(t=r==="wgsl"?Ve(t,"vertex",l,"start",o.vertex):t.replace(wi,c=>c+l));break;case"vs:#main-end":(r==="wgsl"||s)&&(t=r==="wgsl"?Ve(t,"vertex",l,"end",o.vertex):t.replace(Li,c=>l+c));break;case"fs:#decl":(r==="wgsl"||!s)&&(t=t.replace(ye,l));break;case"fs:#main-start":(r==="wgsl"||!s)&&(t=r==="wgsl"?Ve(t,"fragment",l,"start",o.fragment):t.replace(wi,c=>c+l));break;case"fs:#main-end":(r==="wgsl"||!s)&&(t=r==="wgsl"?Ve(t,"fragment",l,"end",o.fragment):t.replace(Li,c=>l+c));break;default:t=t.replace(a,c=>c+l)}}return t=t.replace(ye,""),n&&(t=t.replace(/\}\s*$/,a=>a+pr[e])),t}function Ve(t,e,i,n,r){let o=mr(t,e,r);if(!o)return t;if(n==="start"){let s=o.openBraceIndex+1;return`${t.slice(0,s)}
${i}${t.slice(s)}`}return`${t.slice(0,o.closeBraceIndex)}${i}${t.slice(o.closeBraceIndex)}`}function mr(t,e,i){let n=e==="vertex"?"@vertex":"@fragment",r=t.indexOf(n);if(r<0)return null;let o=i?t.search(new RegExp(`\\bfn\\s+${_r(i)}\\s*\\(`)):t.indexOf("fn",r);if(o<0)return null;let s=t.indexOf("{",o);if(s<0)return null;let a=0;for(let u=s;u<t.length;u++){let l=t[u];if(l==="{")a++;else if(l==="}"&&(a--,a===0))return{openBraceIndex:s,closeBraceIndex:u}}return null}function _r(t){return t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}function oe(t){t.map(e=>br(e))}function br(t){if(t.instance)return;oe(t.dependencies||[]);let{propTypes:e={},deprecations:i=[],inject:n={}}=t,r={normalizedInjections:Si(n),parsedDeprecations:yr(i)};e&&(r.propValidators=yi(e)),t.instance=r;let o={};e&&(o=Object.entries(e).reduce((s,[a,u])=>{let l=u?.value;return l&&(s[a]=l),s},{})),t.defaultUniforms={...t.defaultUniforms,...o}}function vt(t,e,i){t.deprecations?.forEach(n=>{n.regex?.test(e)&&(n.deprecated?i.deprecated(n.old,n.new)():i.removed(n.old,n.new)())})}function yr(t){return t.forEach(e=>{e.type==="function"?e.regex=new RegExp(`\\b${e.old}\\(`):e.regex=new RegExp(`${e.type} ${e.old};`)}),t}function Y(t){oe(t);let e={},i={};Ai({modules:t,level:0,moduleMap:e,moduleDepth:i});let n=Object.keys(i).sort((r,o)=>i[o]-i[r]).map(r=>e[r]);return oe(n),n}function Ai(t){let{modules:e,level:i,moduleMap:n,moduleDepth:r}=t;if(i>=5)throw new Error("Possible loop in shader dependency graph");for(let o of e)n[o.name]=o,(r[o.name]===void 0||r[o.name]<i)&&(r[o.name]=i);for(let o of e)o.dependencies&&Ai({modules:o.dependencies,level:i+1,moduleMap:n,moduleDepth:r})}var vr=/^(vs|fs):(?:#(?:decl|main-start|main-end)|[A-Za-z_][\w-]*)$/;function xe(t=[],e){let i=[],n={},r={},o={},s={};for(let a of t)Ei({modules:i,defines:n,injections:r,vertexInputs:o,varyings:s},a),Ei({modules:i,defines:n,injections:r,vertexInputs:o,varyings:s},a[e]);for(let a of Object.keys(s))if(o[a])throw new Error(`ShaderPlugin name "${a}" cannot be both a vertex input and a varying`);return{modules:i,defines:n,injections:r,vertexInputs:o,varyings:s}}function we(t=[],e=[]){let i=[...t],n=new Set(i.map(r=>r.name));for(let r of e)n.has(r.name)||(i.push(r),n.add(r.name));return i}function Ei(t,e){if(e){e.modules?.length&&t.modules.push(...e.modules),e.defines&&Object.assign(t.defines,e.defines);for(let[i,n]of Object.entries(e.vertexInputs||{})){Bi(i,"vertex input");let r=t.vertexInputs[i];if(r&&r!==n)throw new Error(`ShaderPlugin vertex input "${i}" has conflicting types "${r}" and "${n}"`);t.vertexInputs[i]=n}for(let[i,n]of Object.entries(e.varyings||{})){Bi(i,"varying");let r=xr(i,n),o=t.varyings[i];if(o&&(o.type!==r.type||o.interpolation!==r.interpolation))throw new Error(`ShaderPlugin varying "${i}" has conflicting declarations "${o.type}/${o.interpolation}" and "${r.type}/${r.interpolation}"`);t.varyings[i]=r}for(let i of e.injections||[])wr(i.target),t.injections[i.target]||(t.injections[i.target]=[]),t.injections[i.target].push({injection:i.injection,order:i.order??0})}}function Bi(t,e){if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)||t.startsWith("_luma_"))throw new Error(`ShaderPlugin ${e} "${t}" must be a valid non-reserved identifier`)}function xr(t,e){let{primitiveType:i}=H.getAttributeShaderTypeInfo(e.type),n=i==="i32"||i==="u32",r=e.interpolation||(n?"flat":"smooth");if(n&&r==="smooth")throw new Error(`ShaderPlugin integer varying "${t}" must use flat interpolation`);return{type:e.type,interpolation:r}}function wr(t){if(!vr.test(t))throw new Error(`ShaderPlugin injection target "${t}" must be a named shader anchor or hook`)}var Lr=/^(?:uniform\s+)?(?:(?:lowp|mediump|highp)\s+)?[A-Za-z0-9_]+(?:<[^>]+>)?\s+([A-Za-z0-9_]+)(?:\s*\[[^\]]+\])?\s*;/,Sr=/((?:layout\s*\([^)]*\)\s*)*)uniform\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{([\s\S]*?)\}\s*([A-Za-z_][A-Za-z0-9_]*)?\s*;/g;function Le(t){return`${t.name}Uniforms`}function Ti(t,e){let i=e==="wgsl"?t.source:e==="vertex"?t.vs:t.fs;if(!i)return null;let n=Le(t);return Ar(i,e==="wgsl"?"wgsl":"glsl",n)}function Pi(t,e){let i=Object.keys(t.uniformTypes||{});if(!i.length)return null;let n=Ti(t,e);return n?{moduleName:t.name,uniformBlockName:Le(t),stage:e,expectedUniformNames:i,actualUniformNames:n,matches:Ir(i,n)}:null}function xt(t,e,i={}){let n=Pi(t,e);if(!n||n.matches)return n;let r=Tr(n);return i.log?.error?.(r,n)(),i.throwOnError!==!1&&k(!1,r),n}function Se(t){let e=[],i=Pr(t);for(let n of i.matchAll(Sr)){let r=n[1]?.trim()||null;e.push({blockName:n[2],body:n[3],instanceName:n[4]||null,layoutQualifier:r,hasLayoutQualifier:!!r,isStd140:!!(r&&/\blayout\s*\([^)]*\bstd140\b[^)]*\)/.exec(r))})}return e}function wt(t,e,i,n){let r=Se(t).filter(s=>!s.isStd140),o=new Set;for(let s of r){if(o.has(s.blockName))continue;o.add(s.blockName);let a=n?.label?`${n.label} `:"",u=s.hasLayoutQualifier?`declares ${Or(s.layoutQualifier)} instead of layout(std140)`:"does not declare layout(std140)",l=`${a}${e} shader uniform block ${s.blockName} ${u}. luma.gl host-side shader block packing assumes explicit layout(std140) for GLSL uniform blocks. Add \`layout(std140)\` to the block declaration.`;i?.warn?.(l,s)()}return r}function Ar(t,e,i){let n=e==="wgsl"?Er(t,i):Br(t,i);if(!n)return null;let r=[];for(let o of n.split(`
`)){let s=o.replace(/\/\/.*$/,"").trim();if(!s||s.startsWith("#"))continue;let a=e==="wgsl"?s.match(/^([A-Za-z0-9_]+)\s*:/):s.match(Lr);a&&r.push(a[1])}return r}function Er(t,e){let i=new RegExp(`\\bstruct\\s+${e}\\b`,"m").exec(t);if(!i)return null;let n=t.indexOf("{",i.index);if(n<0)return null;let r=0;for(let o=n;o<t.length;o++){let s=t[o];if(s==="{"){r++;continue}if(s==="}"&&(r--,r===0))return t.slice(n+1,o)}return null}function Br(t,e){return Se(t).find(n=>n.blockName===e)?.body||null}function Ir(t,e){if(t.length!==e.length)return!1;for(let i=0;i<t.length;i++)if(t[i]!==e[i])return!1;return!0}function Tr(t){let{expectedUniformNames:e,actualUniformNames:i}=t,n=e.filter(a=>!i.includes(a)),r=i.filter(a=>!e.includes(a)),o=[`Expected ${e.length} fields, found ${i.length}.`],s=Cr(e,i);return s&&o.push(s),n.length&&o.push(`Missing from shader block (${n.length}): ${Ii(n)}.`),r.length&&o.push(`Unexpected in shader block (${r.length}): ${Ii(r)}.`),e.length<=12&&i.length<=12&&(n.length||r.length)&&(o.push(`Expected: ${e.join(", ")}.`),o.push(`Actual: ${i.join(", ")}.`)),`${t.moduleName}: ${t.stage} shader uniform block ${t.uniformBlockName} does not match module.uniformTypes. ${o.join(" ")}`}function Pr(t){return t.replace(/\/\*[\s\S]*?\*\//g,"").replace(/\/\/.*$/gm,"")}function Or(t){return t.replace(/\s+/g," ").trim()}function Cr(t,e){let i=Math.min(t.length,e.length);for(let n=0;n<i;n++)if(t[n]!==e[n])return`First mismatch at field ${n+1}: expected ${t[n]}, found ${e[n]}.`;return t.length>e.length?`Shader block ends after field ${e.length}; expected next field ${t[e.length]}.`:e.length>t.length?`Shader block has extra field ${e.length}: ${e[t.length]}.`:null}function Ii(t,e=8){if(t.length<=e)return t.join(", ");let i=t.length-e;return`${t.slice(0,e).join(", ")}, ... (${i} more)`}function Oi(t){switch(t?.gpu.toLowerCase()){case"apple":return`#define APPLE_GPU
// Apple optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// Intel GPU doesn't have full 32 bits precision in same cases, causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`;case"nvidia":return`#define NVIDIA_GPU
// Nvidia optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
`;case"intel":return`#define INTEL_GPU
// Intel optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
// Intel's built-in 'tan' function doesn't have acceptable precision
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// Intel GPU doesn't have full 32 bits precision in same cases, causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`;case"amd":return`#define AMD_GPU
`;default:return`#define DEFAULT_GPU
// Prevent driver from optimizing away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
// Headless Chrome's software shader 'tan' function doesn't have acceptable precision
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// If the GPU doesn't have full 32 bits precision, will causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`}}function Ni(t,e){if(Number(t.match(/^#version[ \t]+(\d+)/m)?.[1]||100)!==300)throw new Error("luma.gl v9 only supports GLSL 3.00 shader sources");switch(e){case"vertex":return t=Ci(t,Nr),t;case"fragment":return t=Ci(t,Rr),t;default:throw new Error(e)}}var Ri=[[/^(#version[ \t]+(100|300[ \t]+es))?[ \t]*\n/,`#version 300 es
`],[/\btexture(2D|2DProj|Cube)Lod(EXT)?\(/g,"textureLod("],[/\btexture(2D|2DProj|Cube)(EXT)?\(/g,"texture("]],Nr=[...Ri,[Lt("attribute"),"in $1"],[Lt("varying"),"out $1"]],Rr=[...Ri,[Lt("varying"),"in $1"]];function Ci(t,e){for(let[i,n]of e)t=t.replace(i,n);return t}function Lt(t){return new RegExp(`\\b${t}[ \\t]+(\\w+[ \\t]+\\w+(\\[\\w+\\])?;)`,"g")}function We(t,e,i="glsl"){let n="";for(let r in t){let o=t[r];if(n+=`${i==="wgsl"?"fn":"void"} ${o.signature} {
`,o.header&&(n+=`  ${o.header}`),e[r]){let a=e[r];a.sort((u,l)=>u.order-l.order);for(let u of a)n+=`  ${u.injection}
`}o.footer&&(n+=`  ${o.footer}`),n+=`}
`}return n}function St(t){let e={vertex:{},fragment:{}};for(let i of t){let n,r;typeof i!="string"?(n=i,r=n.hook):(n={},r=i),r=r.trim();let o=r.indexOf(":"),s=r.slice(0,o),a=r.slice(o+1),u=r.replace(/\(.+/,""),l=Object.assign(n,{signature:a});switch(s){case"vs":e.vertex[u]=l;break;case"fs":e.fragment[u]=l;break;default:throw new Error(s)}}return e}function Di(t,e){return{name:Dr(t,e),language:"glsl",version:Fr(t)}}function Dr(t,e="unnamed"){let n=/#define[^\S\r\n]*SHADER_NAME[^\S\r\n]*([A-Za-z0-9_-]+)\s*/.exec(t);return n?n[1]:e}function Fr(t){let e=100,i=t.match(/[^\s]+/g);if(i&&i.length>=2&&i[0]==="#version"){let n=parseInt(i[1],10);Number.isFinite(n)&&(e=n)}if(e!==100&&e!==300)throw new Error(`Invalid GLSL version ${e}`);return e}var Fi=[new RegExp(`@binding\\(\\s*(\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${N}\\s*:\\s*([^;]+);`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(\\d+)\\s*\\)\\s*${N}\\s*:\\s*([^;]+);`,"g")];function je(t,e=[]){let i=re(t),n=new Map;for(let o of e)n.set(Mi(o.name,o.group,o.location),o.moduleName);let r=[];for(let o of Fi){o.lastIndex=0;let s;for(s=o.exec(i);s;){let a=o===Fi[0],u=Number(s[a?1:2]),l=Number(s[a?2:1]),c=s[3]?.trim(),h=s[4],p=s[5].trim(),d=n.get(Mi(h,l,u));r.push(Mr({name:h,group:l,binding:u,owner:d?"module":"application",moduleName:d,accessDeclaration:c,resourceType:p})),s=o.exec(i)}}return r.sort((o,s)=>o.group!==s.group?o.group-s.group:o.binding!==s.binding?o.binding-s.binding:o.name.localeCompare(s.name))}function Mr(t){let e={name:t.name,group:t.group,binding:t.binding,owner:t.owner,kind:"unknown",moduleName:t.moduleName,resourceType:t.resourceType};if(t.accessDeclaration){let i=t.accessDeclaration.split(",").map(n=>n.trim());if(i[0]==="uniform")return{...e,kind:"uniform",access:"uniform"};if(i[0]==="storage"){let n=i[1]||"read_write";return{...e,kind:n==="read"?"read-only-storage":"storage",access:n}}}return t.resourceType==="sampler"||t.resourceType==="sampler_comparison"?{...e,kind:"sampler",samplerKind:t.resourceType==="sampler_comparison"?"comparison":"filtering"}:t.resourceType.startsWith("texture_storage_")?{...e,kind:"storage-texture",access:Ur(t.resourceType),viewDimension:Gi(t.resourceType)}:t.resourceType.startsWith("texture_")?{...e,kind:"texture",viewDimension:Gi(t.resourceType),sampleType:Gr(t.resourceType),multisampled:t.resourceType.startsWith("texture_multisampled_")}:e}function Mi(t,e,i){return`${e}:${i}:${t}`}function Gi(t){if(t.includes("cube_array"))return"cube-array";if(t.includes("2d_array"))return"2d-array";if(t.includes("cube"))return"cube";if(t.includes("3d"))return"3d";if(t.includes("2d"))return"2d";if(t.includes("1d"))return"1d"}function Gr(t){if(t.startsWith("texture_depth_"))return"depth";if(t.includes("<i32>"))return"sint";if(t.includes("<u32>"))return"uint";if(t.includes("<f32>"))return"float"}function Ur(t){return/,\s*([A-Za-z_][A-Za-z0-9_]*)\s*>$/.exec(t)?.[1]}var X="([a-zA-Z_][a-zA-Z0-9_]*)",$r=/^\s*\#\s*if\s+(.+?)\s*(?:\/\/.*)?$/,kr=new RegExp(`^\\s*\\#\\s*ifdef\\s*${X}\\s*$`),zr=new RegExp(`^\\s*\\#\\s*ifndef\\s*${X}\\s*(?:\\/\\/.*)?$`),Vr=/^\s*\#\s*else\s*(?:\/\/.*)?$/,Wr=/^\s*\#\s*endif\s*$/,jr=new RegExp(`^\\s*\\#\\s*ifdef\\s*${X}\\s*(?:\\/\\/.*)?$`),Hr=/^\s*\#\s*endif\s*(?:\/\/.*)?$/;function J(t,e){let i=t.split(`
`),n=[],r=[],o=!0;for(let s of i){let a=s.match($r),u=s.match(jr)||s.match(kr),l=s.match(zr),c=s.match(Vr),h=s.match(Hr)||s.match(Wr);if(a){let p=qr(a[1],e?.defines||{}),d=o&&p;r.push({parentActive:o,branchTaken:p,active:d}),o=d}else if(u||l){let p=(u||l)?.[1],d=!!e?.defines?.[p],g=u?d:!d,m=o&&g;r.push({parentActive:o,branchTaken:g,active:m}),o=m}else if(c){let p=r[r.length-1];if(!p)throw new Error("Encountered #else without matching #if, #ifdef or #ifndef");p.active=p.parentActive&&!p.branchTaken,p.branchTaken=!0,o=p.active}else h?(r.pop(),o=r.length?r[r.length-1].active:!0):o&&n.push(s)}if(r.length>0)throw new Error("Unterminated conditional block in shader source");return n.join(`
`)}function qr(t,e){let i=t.trim();if(/^[+-]?\d+(?:\.\d+)?$/.test(i))return Number(i)!==0;if(i==="true")return!0;if(i==="false")return!1;let n=i.match(new RegExp(`^!\\s*${X}$`));if(n)return!e[n[1]];let r=i.match(new RegExp(`^${X}$`));if(r)return!!e[r[1]];let o=i.match(new RegExp(`^defined\\s*\\(\\s*${X}\\s*\\)$`));if(o)return e[o[1]]!==void 0;let s=i.match(new RegExp(`^!\\s*defined\\s*\\(\\s*${X}\\s*\\)$`));if(s)return e[s[1]]===void 0;throw new Error(`Unsupported #if expression "${t}"`)}function ki(t,e){let i=[];for(let[n,r]of Object.entries(e))Zr(t,n),i.push(`in ${He(r)} ${n};`);return i.join(`
`)}function zi(t,e,i){let n=Object.entries(i);if(n.length===0)return{source:t,declarations:"",initialization:""};let r=Kr(t,e),o=t.slice(r.openParenthesis+1,r.closeParenthesis),s=Yr(t,o),a=new Set(s.locations),u=[],l=[],c=[];for(let[m,y]of n){if(s.names.has(m)||Qr(t,m))throw new Error(`ShaderPlugin vertex input "${m}" conflicts with an existing WGSL shader input or variable`);let x=eo(a);a.add(x);let _=`_luma_${m}`;u.push(`@location(${x}) ${_}: ${y}`),l.push(`var<private> ${m}: ${y};`),c.push(`${m} = ${_};`)}let h=o.trim()?`,
  `:`
  `,p=o.trim()?"":`
`,d=`${o}${h}${u.join(`,
  `)}${p}`;return{source:t.slice(0,r.openParenthesis+1)+d+t.slice(r.closeParenthesis),declarations:l.join(`
`),initialization:c.join(`
`)}}function He(t){let{primitiveType:e,components:i}=H.getAttributeShaderTypeInfo(t),n=e==="i32"?"int":e==="u32"?"uint":"float";return i===1?n:`${n==="int"?"i":n==="uint"?"u":""}vec${i}`}function Zr(t,e){let i=qe(e);if(new RegExp(`\\b(?:in|attribute)\\s+(?:(?:lowp|mediump|highp)\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s+${i}\\s*(?:\\[|;)`).test(t))throw new Error(`ShaderPlugin vertex input "${e}" conflicts with an existing GLSL input`)}function Kr(t,e){let n=new RegExp(`\\bfn\\s+${qe(e)}\\s*\\(`,"g").exec(t);if(!n)throw new Error(`ShaderPlugin vertex inputs require WGSL vertex entry point "${e}"`);let r=t.indexOf("(",n.index),o=Vi(t,r,"(",")");if(o<0)throw new Error(`Unable to parse WGSL vertex entry point "${e}" parameters`);return{openParenthesis:r,closeParenthesis:o}}function Yr(t,e){let i=Ui(e),n=new Set($i(e)),r=Xr(e);for(let o of r){let s=Jr(t,o);if(s!==null){i.push(...Ui(s));for(let a of $i(s))n.add(a)}}return{locations:i,names:n}}function Ui(t){let e=[],i=/@location\s*\(\s*(\d+)\s*\)/g,n=i.exec(t);for(;n;)e.push(Number(n[1])),n=i.exec(t);return e}function $i(t){let e=[],i=/(?:^|,)\s*(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:/gm,n=i.exec(t);for(;n;)e.push(n[1]),n=i.exec(t);return e}function Xr(t){let e=[],i=/:\s*([A-Za-z_][\w]*)\b/g,n=i.exec(t);for(;n;)e.push(n[1]),n=i.exec(t);return e}function Jr(t,e){let n=new RegExp(`\\bstruct\\s+${qe(e)}\\s*\\{`,"g").exec(t);if(!n)return null;let r=t.indexOf("{",n.index),o=Vi(t,r,"{","}");return o<0?null:t.slice(r+1,o)}function Qr(t,e){let i=qe(e),n=new RegExp(`\\b(?:var(?:<[^>]+>)?|let|const)\\s+${i}\\b`,"g"),r=n.exec(t);for(;r;){if(to(t,r.index)===0)return!0;r=n.exec(t)}return!1}function eo(t){let e=0;for(;t.has(e);)e++;return e}function Vi(t,e,i,n){let r=0,o=0,s=!1;for(let a=e;a<t.length;a++){let u=t[a],l=t[a+1];if(s){u===`
`&&(s=!1);continue}if(o>0){u==="/"&&l==="*"?(o++,a++):u==="*"&&l==="/"&&(o--,a++);continue}if(u==="/"&&l==="/"){s=!0,a++;continue}if(u==="/"&&l==="*"){o=1,a++;continue}if(u===i&&r++,u===n&&--r===0)return a}return-1}function to(t,e){let i=0,n=0,r=!1;for(let o=0;o<e;o++){let s=t[o],a=t[o+1];if(r){s===`
`&&(r=!1);continue}if(n>0){s==="/"&&a==="*"?(n++,o++):s==="*"&&a==="/"&&(n--,o++);continue}s==="/"&&a==="/"?(r=!0,o++):s==="/"&&a==="*"?(n=1,o++):s==="{"?i++:s==="}"&&i--}return i}function qe(t){return t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}function ji(t,e,i){let n=[],r=[];for(let[o,s]of Object.entries(i)){go(t,o);let a=s.interpolation==="flat"?"flat ":"",u=e==="vertex"?"out":"in";n.push(`${a}${u} ${He(s.type)} ${o};`),e==="vertex"&&r.push(`${o} = ${ho(s.type)};`)}return{declarations:n.join(`
`),initialization:r.join(`
`)}}function Hi(t,e,i,n){let r=Object.entries(n);if(r.length===0)return{source:t,declarations:"",vertexInitialization:"",fragmentInitialization:""};let o=t,s=Ze(o,e,"vertex"),a=io(o,s),u=Ze(o,i,"fragment"),l=no(o,u),c=At(o,a),h=At(o,l.type),p=new Set([...Ke(s.parameters),...Ke(c.body),...Ke(u.parameters),...Ke(h.body)]),d=new Set([...Wi(c.body),...Wi(h.body)]),g=[],m=[],y=[],x=[];for(let[v,S]of r){if(p.has(v)||lo(o,v))throw new Error(`ShaderPlugin varying "${v}" conflicts with existing WGSL stage I/O or a module variable`);let I=co(d);d.add(I);let C=S.interpolation==="flat"?" @interpolate(flat)":"";g.push(`  @location(${I})${C} ${v}: ${S.type},`),m.push(`var<private> ${v}: ${S.type};`),y.push(`${v} = ${po(S.type)};`),x.push(`${v} = ${l.name}.${v};`)}ro(o,a,s.openBrace,s.closeBrace),o=oo(o,a,s,r.map(([v])=>v)),s=Ze(o,e,"vertex"),o=so(o,s,r.map(([v])=>v));let T=(a===l.type?[a]:[a,l.type]).map(v=>At(o,v).closeBrace).sort((v,S)=>S-v);for(let v of T)o=o.slice(0,v)+`${g.join(`
`)}
`+o.slice(v);if(u=Ze(o,i,"fragment"),!new RegExp(`\\b${Q(l.name)}\\s*:`).test(u.parameters))throw new Error(`Unable to preserve WGSL fragment input "${l.name}"`);return{source:o,declarations:m.join(`
`),vertexInitialization:y.join(`
`),fragmentInitialization:x.join(`
`)}}function Ze(t,e,i){let r=new RegExp(`\\bfn\\s+${Q(e)}\\s*\\(`,"g").exec(t);if(!r)throw new Error(`ShaderPlugin varyings require WGSL ${i} entry point "${e}"`);let o=t.indexOf("(",r.index),s=Ye(t,o,"(",")"),a=t.indexOf("{",s),u=Ye(t,a,"{","}");if(s<0||a<0||u<0)throw new Error(`Unable to parse WGSL ${i} entry point "${e}"`);return{openParenthesis:o,closeParenthesis:s,openBrace:a,closeBrace:u,parameters:t.slice(o+1,s)}}function io(t,e){let i=t.slice(e.closeParenthesis+1,e.openBrace),n=/->\s*([A-Za-z_][\w]*)\s*$/.exec(i.trim());if(!n||Et(t,n[1])===null)throw new Error("ShaderPlugin varyings require the WGSL vertex entry point to return a named struct");return n[1]}function no(t,e){let i=[];for(let n of fo(e.parameters,",")){let r=/(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:\s*([A-Za-z_][\w]*)\s*$/.exec(n.trim());r&&Et(t,r[2])&&i.push({name:r[1],type:r[2]})}if(i.length!==1)throw new Error(`ShaderPlugin varyings require exactly one named WGSL fragment input struct; found ${i.length}`);return i[0]}function At(t,e){let i=Et(t,e);if(!i)throw new Error(`Unable to find WGSL stage I/O struct "${e}"`);return i}function Et(t,e){let n=new RegExp(`\\bstruct\\s+${Q(e)}\\s*\\{`,"g").exec(t);if(!n)return null;let r=t.indexOf("{",n.index),o=Ye(t,r,"{","}");return o<0?null:{openBrace:r,closeBrace:o,body:t.slice(r+1,o)}}function ro(t,e,i,n){let r=new RegExp(`\\b${Q(e)}\\s*\\(`,"g"),o=r.exec(t);for(;o;){if(o.index<i||o.index>n)throw new Error(`ShaderPlugin varying output struct "${e}" is constructed outside the selected vertex entry point`);o=r.exec(t)}}function oo(t,e,i,n){let r=new RegExp(`\\b${Q(e)}\\s*\\(`,"g"),o=[],s=r.exec(t);for(;s;){if(s.index>i.openBrace&&s.index<i.closeBrace){let a=t.indexOf("(",s.index),u=Ye(t,a,"(",")");if(u<0||u>i.closeBrace)throw new Error(`Unable to parse WGSL output constructor "${e}"`);o.push({openParenthesis:a,closeParenthesis:u})}s=r.exec(t)}for(let a of o.sort((u,l)=>l.closeParenthesis-u.closeParenthesis)){let l=t.slice(a.openParenthesis+1,a.closeParenthesis).trim()?", ":"";t=t.slice(0,a.closeParenthesis)+l+n.join(", ")+t.slice(a.closeParenthesis)}return t}function so(t,e,i){let n=ao(t,e.openBrace+1,e.closeBrace);for(let r=n.length-1;r>=0;r--){let o=n[r],s=t.slice(o.expressionStart,o.semicolon).trim();if(!s)throw new Error("ShaderPlugin varying vertex entry point cannot use an empty return");let a=`_luma_vertexOutput${r}`,u=i.map(c=>`${a}.${c} = ${c};`).join(`
`),l=`{
var ${a} = ${s};
${u}
return ${a};
}`;t=t.slice(0,o.start)+l+t.slice(o.semicolon+1)}return t}function ao(t,e,i){let n=[],r=e;for(;r<i;)if(r=Bt(t,r,i),t.slice(r,r+6)==="return"&&!/[A-Za-z0-9_]/.test(t[r+6]||"")){let o=r+6,s=uo(t,o,i);if(s<0)throw new Error("Unable to parse WGSL return statement in selected vertex entry point");n.push({start:r,expressionStart:o,semicolon:s}),r=s+1}else r++;return n}function uo(t,e,i){let n=0,r=0;for(let o=e;o<i;o++){let s=Bt(t,o,i);if(s!==o){o=s-1;continue}let a=t[o];if(a==="("&&n++,a===")"&&n--,a==="["&&r++,a==="]"&&r--,a===";"&&n===0&&r===0)return o}return-1}function Bt(t,e,i){let n=e;if(t[n]==="/"&&t[n+1]==="/"){let r=t.indexOf(`
`,n+2);return r<0||r>i?i:r+1}if(t[n]==="/"&&t[n+1]==="*"){let r=1;for(n+=2;n<i&&r>0;)t[n]==="/"&&t[n+1]==="*"?(r++,n+=2):t[n]==="*"&&t[n+1]==="/"?(r--,n+=2):n++}return n}function fo(t,e){let i=[],n=0,r=0,o=0;for(let s=0;s<t.length;s++){let a=t[s];a==="("&&r++,a===")"&&r--,a==="<"&&o++,a===">"&&o--,a===e&&r===0&&o===0&&(i.push(t.slice(n,s)),n=s+1)}return i.push(t.slice(n)),i}function Wi(t){let e=[],i=/@location\s*\(\s*(\d+)\s*\)/g,n=i.exec(t);for(;n;)e.push(Number(n[1])),n=i.exec(t);return e}function Ke(t){let e=[],i=/(?:^|,)\s*(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:/gm,n=i.exec(t);for(;n;)e.push(n[1]),n=i.exec(t);return e}function lo(t,e){let i=new RegExp(`\\b(?:var(?:<[^>]+>)?|let|const)\\s+${Q(e)}\\b`,"g"),n=i.exec(t);for(;n;){if(mo(t,n.index)===0)return!0;n=i.exec(t)}return!1}function co(t){let e=0;for(;t.has(e);)e++;return e}function ho(t){let{primitiveType:e,components:i}=H.getAttributeShaderTypeInfo(t),n=e==="u32"?"0u":e==="i32"?"0":"0.0";return i===1?n:`${He(t)}(${n})`}function po(t){let{primitiveType:e,components:i}=H.getAttributeShaderTypeInfo(t),n=`${e}(0)`;return i===1?n:`${t}(${n})`}function go(t,e){if(new RegExp(`\\b(?:flat\\s+|smooth\\s+)?(?:in|out|varying)\\s+(?:(?:lowp|mediump|highp)\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s+${Q(e)}\\s*(?:\\[|;)`).test(t))throw new Error(`ShaderPlugin varying "${e}" conflicts with existing GLSL stage I/O`)}function Ye(t,e,i,n){let r=0,o=0,s=!1;for(let a=e;a<t.length;a++){let u=t[a],l=t[a+1];if(s){u===`
`&&(s=!1);continue}if(o>0){u==="/"&&l==="*"?(o++,a++):u==="*"&&l==="/"&&(o--,a++);continue}if(u==="/"&&l==="/"){s=!0,a++;continue}if(u==="/"&&l==="*"){o=1,a++;continue}if(u===i&&r++,u===n&&--r===0)return a}return-1}function mo(t,e){let i=0;for(let n=0;n<e;n++){let r=Bt(t,n,e);if(r!==n){n=r-1;continue}t[n]==="{"&&i++,t[n]==="}"&&i--}return i}function Q(t){return t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}var It=`

${ye}
`,Ae=100,_o=`precision highp float;
`;function Ki(t){let e=Y(t.modules||[]),{source:i,bindingAssignments:n}=bo(t.platformInfo,{...t,source:t.source,stage:"vertex",modules:e});return{source:i,getUniforms:Xi(e),bindingAssignments:n,bindingTable:je(i,n),shaderLayout:ke(i,{vertexEntryPoint:t.vertexEntryPoint,scanVertexAttributes:t.scanVertexAttributes})}}function Yi(t){let{vs:e,fs:i}=t,n=Y(t.modules||[]);return{vs:qi(t.platformInfo,{...t,source:e,stage:"vertex",modules:n}),fs:qi(t.platformInfo,{...t,source:i,stage:"fragment",modules:n}),getUniforms:Xi(n)}}function bo(t,e){let{source:i,stage:n,modules:r,defines:o={},hookFunctions:s=[],inject:a={},pluginInjections:u={},pluginVertexInputs:l={},pluginVaryings:c={},vertexEntryPoint:h="vertexMain",fragmentEntryPoint:p="fragmentMain",log:d}=e;k(typeof i=="string","shader source must be a string");let g=J(i,{defines:o}),m=zi(g,h,l),y=Hi(m.source,h,p,c),x=y.source,_="",T=St(s),w={},v={},S={};Ji(u,w,v,S);for(let A in a){let E=typeof a[A]=="string"?{injection:a[A],order:0}:a[A],R=/^(v|f)s:(#)?([\w-]+)$/.exec(A);if(R){let Re=R[2],U=R[3];Re?U==="decl"?v[A]=[E]:S[A]=[E]:w[A]=[E]}else S[A]=[E]}yo(m.declarations,m.initialization,v,S),vo(y,v,S);let I=r,C=Eo(x),Z=Ao(C.source),L=Po(I,e._bindingRegistry,Z,o),D=[];for(let A of I){d&&vt(A,x,d);let E=J(Qi(A,"wgsl",d),{defines:o}),R=Bo(E,A,{usedBindingsByGroup:Z,bindingRegistry:e._bindingRegistry,reservedBindingKeysByGroup:L});D.push(...R.bindingAssignments);let Re=R.source;_+=Re;let U=xo(A);for(let $ in U){let Xt=/^(v|f)s:#([\w-]+)$/.exec($);if(Xt){let lt=Xt[2]==="decl"?v:S;lt[$]=lt[$]||[],lt[$].push(U[$])}else w[$]=w[$]||[],w[$].push(U[$])}}return _+=It,_=ve(_,n,wo(v),!1,"wgsl",{vertex:h,fragment:p}),_+=Lo(T,w),_+=Fo(D),_+=C.source,_=ve(_,n,S,!1,"wgsl",{vertex:h,fragment:p}),Do(_),{source:_,bindingAssignments:D}}function qi(t,e){let{source:i,stage:n,language:r="glsl",modules:o,defines:s={},hookFunctions:a=[],inject:u={},pluginInjections:l={},pluginVertexInputs:c={},pluginVaryings:h={},prologue:p=!0,log:d}=e;k(typeof i=="string","shader source must be a string");let g=r==="glsl"?Di(i).version:-1,m=t.shaderLanguageVersion,y=g===100?"#version 100":"#version 300 es",_=i.split(`
`).slice(1).join(`
`),T={};o.forEach(L=>{Object.assign(T,L.defines)}),Object.assign(T,s);let w="";switch(r){case"wgsl":break;case"glsl":w=p?`${y}

// ----- PROLOGUE -------------------------
${`#define SHADER_TYPE_${n.toUpperCase()}`}

${Oi(t)}
${n==="fragment"?_o:""}

// ----- APPLICATION DEFINES -------------------------

${So(T)}

`:`${y}
`;break}let v=St(a),S={},I={},C={};Ji(l,S,I,C);for(let L in u){let D=typeof u[L]=="string"?{injection:u[L],order:0}:u[L],A=/^(v|f)s:(#)?([\w-]+)$/.exec(L);if(A){let E=A[2],R=A[3];E?R==="decl"?I[L]=[D]:C[L]=[D]:S[L]=[D]}else C[L]=[D]}if(n==="vertex"){let L=ki(_,c);L&&(I["vs:#decl"]=I["vs:#decl"]||[],I["vs:#decl"].push({injection:L,order:Number.MIN_SAFE_INTEGER}))}let Z=ji(_,n,h);if(Z.declarations){let L=n==="vertex"?"vs:#decl":"fs:#decl";I[L]=I[L]||[],I[L].push({injection:Z.declarations,order:Number.MIN_SAFE_INTEGER})}Z.initialization&&(C["vs:#main-start"]=C["vs:#main-start"]||[],C["vs:#main-start"].push({injection:Z.initialization,order:Number.MIN_SAFE_INTEGER}));for(let L of o){d&&vt(L,_,d);let D=Qi(L,n,d);w+=D;let A=L.instance?.normalizedInjections[n]||{};for(let E in A){let R=/^(v|f)s:#([\w-]+)$/.exec(E);if(R){let U=R[2]==="decl"?I:C;U[E]=U[E]||[],U[E].push(A[E])}else S[E]=S[E]||[],S[E].push(A[E])}}return w+="// ----- MAIN SHADER SOURCE -------------------------",w+=It,w=ve(w,n,I),w+=We(v[n],S),w+=_,w=ve(w,n,C),r==="glsl"&&g!==m&&(w=Ni(w,n)),r==="glsl"&&wt(w,n,d),w.trim()}function Xi(t){return function(i){let n={};for(let r of t){let o=r.getUniforms?.(i,n);Object.assign(n,o)}return n}}function Ji(t,e,i,n){for(let r in t){let o=/^(v|f)s:(#)?([\w-]+)$/.exec(r);if(o){let s=o[2],a=o[3],u=s?a==="decl"?i:n:e;u[r]=u[r]||[],u[r].push(...t[r])}else n[r]=n[r]||[],n[r].push(...t[r])}}function yo(t,e,i,n){t&&(i["vs:#decl"]=i["vs:#decl"]||[],i["vs:#decl"].push({injection:t,order:Number.MIN_SAFE_INTEGER})),e&&(n["vs:#main-start"]=n["vs:#main-start"]||[],n["vs:#main-start"].push({injection:e,order:Number.MIN_SAFE_INTEGER}))}function vo(t,e,i){t.declarations&&(e["vs:#decl"]=e["vs:#decl"]||[],e["vs:#decl"].push({injection:t.declarations,order:Number.MIN_SAFE_INTEGER})),t.vertexInitialization&&(i["vs:#main-start"]=i["vs:#main-start"]||[],i["vs:#main-start"].push({injection:t.vertexInitialization,order:Number.MIN_SAFE_INTEGER})),t.fragmentInitialization&&(i["fs:#main-start"]=i["fs:#main-start"]||[],i["fs:#main-start"].push({injection:t.fragmentInitialization,order:Number.MIN_SAFE_INTEGER}))}function xo(t){return{...t.instance?.normalizedInjections.vertex||{},...t.instance?.normalizedInjections.fragment||{}}}function wo(t){let e=[...t["vs:#decl"]||[],...t["fs:#decl"]||[]];return e.length?{"vs:#decl":e}:{}}function Lo(t,e){return We(t.vertex,e,"wgsl")+We(t.fragment,e,"wgsl")}function So(t={}){let e="";for(let i in t){let n=t[i];(n||Number.isFinite(n))&&(e+=`#define ${i.toUpperCase()} ${t[i]}
`)}return e}function Qi(t,e,i){let n;switch(e){case"vertex":n=t.vs||"";break;case"fragment":n=t.fs||"";break;case"wgsl":n=t.source||"";break;default:k(!1)}if(!t.name)throw new Error("Shader module must have a name");xt(t,e,{log:i});let r=t.name.toUpperCase().replace(/[^0-9a-z]/gi,"_"),o=`// ----- MODULE ${t.name} ---------------

`;return e!=="wgsl"&&(o+=`#define MODULE_${r}
`),o+=`${n}
`,o}function Ao(t){let e=new Map;for(let i of K(t,ci)){let n=Number(i.bindingToken),r=Number(i.groupToken);Tt(r,n,i.name),se(e,r,n,`application binding "${i.name}"`)}return e}function Eo(t){let e=K(t,Ue),i=new Map;for(let o of e){if(o.bindingToken==="auto")continue;let s=Number(o.bindingToken),a=Number(o.groupToken);Tt(a,s,o.name),se(i,a,s,`application binding "${o.name}"`)}let n={sawSupportedBindingDeclaration:e.length>0},r=dt(t,Ue,o=>To(o,i,n));if(ht(t)&&!n.sawSupportedBindingDeclaration)throw new Error('Unsupported @binding(auto) declaration form in application WGSL. Use adjacent "@group(N)" and "@binding(auto)" decorators followed by a bindable "var" declaration.');return{source:r}}function Bo(t,e,i){let n=[],o={sawSupportedBindingDeclaration:K(t,ne).length>0,nextHintedBindingLocation:typeof e.firstBindingSlot=="number"?e.firstBindingSlot:null},s=dt(t,ne,a=>Io(a,{module:e,context:i,bindingAssignments:n,relocationState:o}));if(ht(t)&&!o.sawSupportedBindingDeclaration)throw new Error(`Unsupported @binding(auto) declaration form in module "${e.name}". Use adjacent "@group(N)" and "@binding(auto)" decorators followed by a bindable "var" declaration.`);return{source:s,bindingAssignments:n}}function Io(t,e){let{module:i,context:n,bindingAssignments:r,relocationState:o}=e,{match:s,bindingToken:a,groupToken:u,name:l}=t,c=Number(u);if(a==="auto"){let p=en(c,i.name,l),d=n.bindingRegistry?.get(p),g=d!==void 0?d:No(c,n.usedBindingsByGroup,i.name,o.nextHintedBindingLocation??void 0,n.bindingRegistry);return Zi(i.name,c,g,l),d!==void 0&&Oo(n.reservedBindingKeysByGroup,c,g,p)?(r.push({moduleName:i.name,name:l,group:c,location:g}),s.replace(/@binding\(\s*auto\s*\)/,`@binding(${g})`)):(se(n.usedBindingsByGroup,c,g,`module "${i.name}" binding "${l}"`),n.bindingRegistry?.set(p,g),r.push({moduleName:i.name,name:l,group:c,location:g}),o.nextHintedBindingLocation!==null&&d===void 0&&(o.nextHintedBindingLocation=g+1),s.replace(/@binding\(\s*auto\s*\)/,`@binding(${g})`))}let h=Number(a);return Zi(i.name,c,h,l),se(n.usedBindingsByGroup,c,h,`module "${i.name}" binding "${l}"`),r.push({moduleName:i.name,name:l,group:c,location:h}),s}function To(t,e,i){let{match:n,bindingToken:r,groupToken:o,name:s}=t,a=Number(o);if(r==="auto"){let u=Ro(a,e);return Tt(a,u,s),se(e,a,u,`application binding "${s}"`),n.replace(/@binding\(\s*auto\s*\)/,`@binding(${u})`)}return i.sawSupportedBindingDeclaration=!0,n}function Po(t,e,i,n){let r=new Map;if(!e)return r;for(let o of t)for(let s of Co(o,n)){let a=en(s.group,o.name,s.name),u=e.get(a);if(u!==void 0){let l=r.get(s.group)||new Map,c=l.get(u);if(c&&c!==a)throw new Error(`Duplicate WGSL binding reservation for modules "${c}" and "${a}": group ${s.group}, binding ${u}.`);se(i,s.group,u,`registered module binding "${a}"`),l.set(u,a),r.set(s.group,l)}}return r}function Oo(t,e,i,n){let r=t.get(e);if(!r)return!1;let o=r.get(i);if(!o)return!1;if(o!==n)throw new Error(`Registered module binding "${n}" collided with "${o}": group ${e}, binding ${i}.`);return!0}function Co(t,e){let i=[],n=J(t.source||"",{defines:e});for(let r of K(n,ne))i.push({name:r.name,group:Number(r.groupToken)});return i}function Tt(t,e,i){if(t===0&&e>=Ae)throw new Error(`Application binding "${i}" in group 0 uses reserved binding ${e}. Application-owned explicit group-0 bindings must stay below ${Ae}.`)}function Zi(t,e,i,n){if(e===0&&i<Ae)throw new Error(`Module "${t}" binding "${n}" in group 0 uses reserved application binding ${i}. Module-owned explicit group-0 bindings must be ${Ae} or higher.`)}function se(t,e,i,n){let r=t.get(e)||new Set;if(r.has(i))throw new Error(`Duplicate WGSL binding assignment for ${n}: group ${e}, binding ${i}.`);r.add(i),t.set(e,r)}function No(t,e,i,n,r){let o=e.get(t)||new Set,s=new Set,a=`${t}:`,u=`${a}${i}:`;for(let[c,h]of r||[])c.startsWith(u)&&s.add(h);let l=n??(t===0?Ae:o.size>0?Math.max(...o)+1:0);for(;o.has(l)||s.has(l);)l++;for(let[c,h]of r||[])h===l&&c.startsWith(a)&&r?.delete(c);return l}function Ro(t,e){let i=e.get(t)||new Set,n=0;for(;i.has(n);)n++;return n}function Do(t){let e=di(t,ne);if(!e)return;let i=Mo(t,e.index);throw i?new Error(`Unresolved @binding(auto) for module "${i}" binding "${e.name}" remained in assembled WGSL source.`):Go(t,e.index)?new Error(`Unresolved @binding(auto) for application binding "${e.name}" remained in assembled WGSL source.`):new Error(`Unresolved @binding(auto) remained in assembled WGSL source near "${Uo(e.match)}".`)}function Fo(t){if(t.length===0)return"";let e=`// ----- MODULE WGSL BINDING ASSIGNMENTS ---------------
`;for(let i of t)e+=`// ${i.moduleName}.${i.name} -> @group(${i.group}) @binding(${i.location})
`;return e+=`
`,e}function en(t,e,i){return`${t}:${e}:${i}`}function Mo(t,e){let i=/^\/\/ ----- MODULE ([^\n]+) ---------------$/gm,n,r;for(r=i.exec(t);r&&r.index<=e;)n=r[1],r=i.exec(t);return n}function Go(t,e){let i=t.indexOf(It);return i>=0?e>i:!0}function Uo(t){return t.replace(/\s+/g," ").trim()}var z=class z{constructor(){f(this,"_hookFunctions",[]);f(this,"_defaultModules",[])}static getDefaultShaderAssembler(e){return k(e==="glsl"||e==="wgsl"),e==="wgsl"?(z.defaultShaderAssemblers.wgsl=z.defaultShaderAssemblers.wgsl||new ae,z.defaultShaderAssemblers.wgsl):(z.defaultShaderAssemblers.glsl=z.defaultShaderAssemblers.glsl||new Xe,z.defaultShaderAssemblers.glsl)}addDefaultModule(e){this._defaultModules.find(i=>i.name===(typeof e=="string"?e:e.name))||this._defaultModules.push(e)}removeDefaultModule(e){let i=typeof e=="string"?e:e.name;this._defaultModules=this._defaultModules.filter(n=>n.name!==i)}addShaderHook(e,i){i&&(e=Object.assign(i,{hook:e})),this._hookFunctions.push(e)}_getModuleList(e=[]){let i=new Array(this._defaultModules.length+e.length),n={},r=0;for(let o=0,s=this._defaultModules.length;o<s;++o){let a=this._defaultModules[o],u=a.name;i[r++]=a,n[u]=!0}for(let o=0,s=e.length;o<s;++o){let a=e[o],u=a.name;n[u]||(i[r++]=a,n[u]=!0)}return i.length=r,oe(i),i}};f(z,"defaultShaderAssemblers",{});var F=z,Xe=class extends F{constructor(){super(...arguments);f(this,"shaderLanguage","glsl")}assembleGLSLShaderPair(i){let n=this._getModuleList(i.modules),r=this._hookFunctions;return{...Yi({...i,vs:i.vs,fs:i.fs,modules:n,hookFunctions:r}),modules:n}}},ae=class t extends F{constructor(){super(...arguments);f(this,"shaderLanguage","wgsl");f(this,"_wgslBindingRegistry",new Map)}assembleWGSLShader(i){let n=this._getModuleList(i.modules),r=this._hookFunctions,o=t.getShaderPreprocessorDefines(i,n),s=i.platformInfo.shaderLanguage==="wgsl"&&i.source?J(i.source,{defines:o}):i.source,{source:a,getUniforms:u,bindingAssignments:l}=Ki({...i,source:s,defines:o,_bindingRegistry:this._wgslBindingRegistry,modules:n,hookFunctions:r}),c=i.platformInfo.shaderLanguage==="wgsl"?J(a,{defines:o}):a;return{source:c,getUniforms:u,modules:n,bindingAssignments:l,bindingTable:je(c,l),shaderLayout:ke(c,{vertexEntryPoint:i.vertexEntryPoint,scanVertexAttributes:i.scanVertexAttributes})}}static getShaderPreprocessorDefines(i,n){return{...t.getPlatformPreprocessorDefines(i.platformInfo),...n.reduce((r,o)=>(Object.assign(r,o.defines),r),{}),...i.defines}}static getPlatformPreprocessorDefines(i){let n=i.limits||{};return{LUMA_SUPPORTS_VERTEX_STORAGE_BUFFERS:i.type==="webgpu"&&(n.maxStorageBuffersInVertexStage||0)>0,LUMA_FP32_TAN_PRECISION_WORKAROUND:i.type==="webgpu"&&i.gpu.toLowerCase()!=="nvidia"&&i.gpu.toLowerCase()!=="amd",LUMA_FP64_INTEGER_ARITHMETIC:i.type==="webgpu"&&i.gpu.toLowerCase()==="apple"}}};var $o=`out vec4 transform_output;
void main() {
  transform_output = vec4(0);
}`,ko=`#version 300 es
${$o}`;function Pt(t){let{input:e,inputChannels:i,output:n}=t||{};if(!e)return ko;if(!i)throw new Error("inputChannels");let r=zo(i),o=tn(e,i);return`#version 300 es
in ${r} ${e};
out vec4 ${n};
void main() {
  ${n} = ${o};
}`}function zo(t){switch(t){case 1:return"float";case 2:return"vec2";case 3:return"vec3";case 4:return"vec4";default:throw new Error(`invalid channels: ${t}`)}}function tn(t,e){switch(e){case 1:return`vec4(${t}, 0.0, 0.0, 1.0)`;case 2:return`vec4(${t}, 0.0, 1.0)`;case 3:return`vec4(${t}, 1.0)`;case 4:return t;default:throw new Error(`invalid channels: ${e}`)}}function Ot(t,e=[],i=0){let n=Math.fround(t),r=t-n;return e[i]=n,e[i+1]=r,e}function nn(t){return t-Math.fround(t)}function rn(t){let e=new Float32Array(32);for(let i=0;i<4;++i)for(let n=0;n<4;++n){let r=i*4+n;Ot(t[n*4+i],e,r*2)}return e}function Je(t,e=!0){return t??e}function Ct(t=[0,0,0],e=!0){return e?t.map(i=>i/255):[...t]}function on(t,e=!0){let i=Ct(t.slice(0,3),e),n=Number.isFinite(t[3]),r=n?t[3]:1;return[i[0],i[1],i[2],e&&n?r/255:r]}var Nt=`
layout(std140) uniform fp64arithmeticUniforms {
  uniform float ONE;
  uniform float SPLIT;
} fp64;

/*
About LUMA_FP64_CODE_ELIMINATION_WORKAROUND

The purpose of this workaround is to prevent shader compilers from
optimizing away necessary arithmetic operations by swapping their sequences
or transform the equation to some 'equivalent' form.

These helpers implement Dekker/Veltkamp-style error tracking. If the compiler
folds constants or reassociates the arithmetic, the high/low split can stop
tracking the rounding error correctly. That failure mode tends to look fine in
simple coordinate setup, but then breaks down inside iterative arithmetic such
as fp64 Mandelbrot loops.

The method is to multiply an artifical variable, ONE, which will be known to
the compiler to be 1 only at runtime. The whole expression is then represented
as a polynomial with respective to ONE. In the coefficients of all terms, only one a
and one b should appear

err = (a + b) * ONE^6 - a * ONE^5 - (a + b) * ONE^4 + a * ONE^3 - b - (a + b) * ONE^2 + a * ONE
*/

float prevent_fp64_optimization(float value) {
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  return value + fp64.ONE * 0.0;
#else
  return value;
#endif
}

// Divide float number to high and low floats to extend fraction bits
vec2 split(float a) {
  // Keep SPLIT as a runtime uniform so the compiler cannot fold the Dekker
  // split into a constant expression and reassociate the recovery steps.
  float split = prevent_fp64_optimization(fp64.SPLIT);
  float t = prevent_fp64_optimization(a * split);
  float temp = t - a;
  float a_hi = t - temp;
  float a_lo = a - a_hi;
  return vec2(a_hi, a_lo);
}

// Divide float number again when high float uses too many fraction bits
vec2 split2(vec2 a) {
  vec2 b = split(a.x);
  b.y += a.y;
  return b;
}

// Special sum operation when a > b
vec2 quickTwoSum(float a, float b) {
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float sum = (a + b) * fp64.ONE;
  float err = b - (sum - a) * fp64.ONE;
#else
  float sum = a + b;
  float err = b - (sum - a);
#endif
  return vec2(sum, err);
}

// General sum operation
vec2 twoSum(float a, float b) {
  float s = (a + b);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float v = (s * fp64.ONE - a) * fp64.ONE;
  float err = (a - (s - v) * fp64.ONE) * fp64.ONE * fp64.ONE * fp64.ONE + (b - v);
#else
  float v = s - a;
  float err = (a - (s - v)) + (b - v);
#endif
  return vec2(s, err);
}

vec2 twoSub(float a, float b) {
  float s = (a - b);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float v = (s * fp64.ONE - a) * fp64.ONE;
  float err = (a - (s - v) * fp64.ONE) * fp64.ONE * fp64.ONE * fp64.ONE - (b + v);
#else
  float v = s - a;
  float err = (a - (s - v)) - (b + v);
#endif
  return vec2(s, err);
}

vec2 twoSqr(float a) {
  float prod = a * a;
  vec2 a_fp64 = split(a);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float err = ((a_fp64.x * a_fp64.x - prod) * fp64.ONE + 2.0 * a_fp64.x *
    a_fp64.y * fp64.ONE * fp64.ONE) + a_fp64.y * a_fp64.y * fp64.ONE * fp64.ONE * fp64.ONE;
#else
  float err = ((a_fp64.x * a_fp64.x - prod) + 2.0 * a_fp64.x * a_fp64.y) + a_fp64.y * a_fp64.y;
#endif
  return vec2(prod, err);
}

vec2 twoProd(float a, float b) {
  float prod = a * b;
  vec2 a_fp64 = split(a);
  vec2 b_fp64 = split(b);
  // twoProd is especially sensitive because mul_fp64 and div_fp64 both depend
  // on the split terms and cross terms staying in the original evaluation
  // order. If the compiler folds or reassociates them, the low part tends to
  // collapse to zero or NaN on some drivers.
  float highProduct = prevent_fp64_optimization(a_fp64.x * b_fp64.x);
  float crossProduct1 = prevent_fp64_optimization(a_fp64.x * b_fp64.y);
  float crossProduct2 = prevent_fp64_optimization(a_fp64.y * b_fp64.x);
  float lowProduct = prevent_fp64_optimization(a_fp64.y * b_fp64.y);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float err1 = (highProduct - prod) * fp64.ONE;
  float err2 = crossProduct1 * fp64.ONE * fp64.ONE;
  float err3 = crossProduct2 * fp64.ONE * fp64.ONE * fp64.ONE;
  float err4 = lowProduct * fp64.ONE * fp64.ONE * fp64.ONE * fp64.ONE;
#else
  float err1 = highProduct - prod;
  float err2 = crossProduct1;
  float err3 = crossProduct2;
  float err4 = lowProduct;
#endif
  float err = ((err1 + err2) + err3) + err4;
  return vec2(prod, err);
}

vec2 sum_fp64(vec2 a, vec2 b) {
  vec2 s, t;
  s = twoSum(a.x, b.x);
  t = twoSum(a.y, b.y);
  s.y += t.x;
  s = quickTwoSum(s.x, s.y);
  s.y += t.y;
  s = quickTwoSum(s.x, s.y);
  return s;
}

vec2 sub_fp64(vec2 a, vec2 b) {
  vec2 s, t;
  s = twoSub(a.x, b.x);
  t = twoSub(a.y, b.y);
  s.y += t.x;
  s = quickTwoSum(s.x, s.y);
  s.y += t.y;
  s = quickTwoSum(s.x, s.y);
  return s;
}

vec2 mul_fp64(vec2 a, vec2 b) {
  vec2 prod = twoProd(a.x, b.x);
  // y component is for the error
  prod.y += a.x * b.y;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  prod.y += a.y * b.x;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  return prod;
}

vec2 div_fp64(vec2 a, vec2 b) {
  float xn = 1.0 / b.x;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  vec2 yn = mul_fp64(a, vec2(xn, 0));
#else
  vec2 yn = a * xn;
#endif
  float diff = (sub_fp64(a, mul_fp64(b, yn))).x;
  vec2 prod = twoProd(xn, diff);
  return sum_fp64(yn, prod);
}

vec2 sqrt_fp64(vec2 a) {
  if (a.x == 0.0 && a.y == 0.0) return vec2(0.0, 0.0);
  if (a.x < 0.0) return vec2(0.0 / 0.0, 0.0 / 0.0);

  float x = 1.0 / sqrt(a.x);
  float yn = a.x * x;
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  vec2 yn_sqr = twoSqr(yn) * fp64.ONE;
#else
  vec2 yn_sqr = twoSqr(yn);
#endif
  float diff = sub_fp64(a, yn_sqr).x;
  vec2 prod = twoProd(x * 0.5, diff);
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  return sum_fp64(split(yn), prod);
#else
  return sum_fp64(vec2(yn, 0.0), prod);
#endif
}
`;var sn=`struct Fp64F32Bits {
  sign: u32,
  baseExponent: i32,
  significand: u32,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};

// Decode an f32 as (-1)^sign * significand * 2^baseExponent.
fn fp64_decode_f32_bits(bits: u32) -> Fp64F32Bits {
  let sign = bits >> 31u;
  let exponentBits = (bits >> 23u) & 0xffu;
  let fraction = bits & 0x7fffffu;

  if (exponentBits == 0xffu) {
    return Fp64F32Bits(sign, 0, 0u, false, fraction == 0u, fraction != 0u);
  }
  if (exponentBits == 0u) {
    return Fp64F32Bits(sign, -149, fraction, fraction == 0u, false, false);
  }
  return Fp64F32Bits(sign, i32(exponentBits) - 150, 0x800000u | fraction, false, false, false);
}

fn fp64_f32_magnitude_compare(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  return select(-1, 1, aMagnitude > bMagnitude);
}

fn fp64_make_residual_f32_bits(
  exactSign: u32,
  exactMagnitude: vec2u,
  exactBaseExponent: i32,
  highBits: u32
) -> u32 {
  if (fp64_u64_is_zero(exactMagnitude)) {
    return 0u;
  }

  let high = fp64_decode_f32_bits(highBits);
  if (high.isInf || high.isNan) {
    return exactSign << 31u;
  }
  if (high.isZero) {
    return fp64_make_f32_bits_from_u64(exactSign, exactMagnitude, exactBaseExponent);
  }

  let commonBaseExponent = min(exactBaseExponent, high.baseExponent);
  let exactShift = exactBaseExponent - commonBaseExponent;
  let highShift = high.baseExponent - commonBaseExponent;

  // A normal two-sum/two-product residual never needs a shift this large.
  // This guard gives deterministic underflow behavior outside that contract.
  if (exactShift >= 64 || highShift >= 64) {
    return exactSign << 31u;
  }

  let exactAligned = fp64_u64_shift_left(exactMagnitude, u32(exactShift));
  let highAligned = fp64_u64_shift_left(vec2u(0u, high.significand), u32(highShift));
  let comparison = fp64_u64_compare(exactAligned, highAligned);
  if (comparison == 0) {
    return 0u;
  }

  var residualSign = exactSign;
  var residualMagnitude: vec2u;
  if (comparison > 0) {
    residualMagnitude = fp64_u64_sub(exactAligned, highAligned);
  } else {
    residualSign = exactSign ^ 1u;
    residualMagnitude = fp64_u64_sub(highAligned, exactAligned);
  }
  return fp64_make_f32_bits_from_u64(
    residualSign,
    residualMagnitude,
    commonBaseExponent
  );
}

fn fp64_split_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  let highBits = fp64_make_f32_bits_from_u64(sign, magnitude, baseExponent);
  let lowBits = fp64_make_residual_f32_bits(sign, magnitude, baseExponent, highBits);
  return vec2u(highBits, lowBits);
}

fn fp64_two_sum_integer_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_f32_bits(aBits);
  let b = fp64_decode_f32_bits(bBits);

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    if (a.isInf && b.isInf && a.sign != b.sign) {
      return vec2u(0x7fc00000u, 0u);
    }
    return select(vec2u(bBits, 0u), vec2u(aBits, 0u), a.isInf);
  }
  if (a.isZero && b.isZero) {
    return vec2u((a.sign & b.sign) << 31u, 0u);
  }
  if (a.isZero) {
    return vec2u(bBits, 0u);
  }
  if (b.isZero) {
    return vec2u(aBits, 0u);
  }

  let exponentDifference = select(
    b.baseExponent - a.baseExponent,
    a.baseExponent - b.baseExponent,
    a.baseExponent >= b.baseExponent
  );

  // Beyond half an ulp, rounding cannot change the larger operand. Returning
  // the smaller operand intact also avoids an unbounded integer alignment.
  // At a power-of-two boundary the spacing below the larger operand is half
  // the spacing above it, so an opposite-sign gap-25 operand can still change
  // the rounded high limb. Gap 26 is the first universally safe early-out.
  if (exponentDifference > 25) {
    if (fp64_f32_magnitude_compare(aBits, bBits) >= 0) {
      return vec2u(aBits, bBits);
    }
    return vec2u(bBits, aBits);
  }

  let commonBaseExponent = min(a.baseExponent, b.baseExponent);
  let aMagnitude = fp64_u64_shift_left(
    vec2u(0u, a.significand),
    u32(a.baseExponent - commonBaseExponent)
  );
  let bMagnitude = fp64_u64_shift_left(
    vec2u(0u, b.significand),
    u32(b.baseExponent - commonBaseExponent)
  );

  var resultSign = a.sign;
  var resultMagnitude: vec2u;
  if (a.sign == b.sign) {
    resultMagnitude = fp64_u64_add(aMagnitude, bMagnitude);
  } else {
    let comparison = fp64_u64_compare(aMagnitude, bMagnitude);
    if (comparison == 0) {
      return vec2u(0u, 0u);
    }
    if (comparison > 0) {
      resultMagnitude = fp64_u64_sub(aMagnitude, bMagnitude);
    } else {
      resultSign = b.sign;
      resultMagnitude = fp64_u64_sub(bMagnitude, aMagnitude);
    }
  }

  return fp64_split_accumulator_bits(resultSign, resultMagnitude, commonBaseExponent);
}

fn fp64_two_sum_integer(a: f32, b: f32) -> vec2f {
  let resultBits = fp64_two_sum_integer_bits(bitcast<u32>(a), bitcast<u32>(b));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn fp64_multiply_significands(a: u32, b: u32) -> vec2u {
  let aLow = a & 0xffffu;
  let aHigh = a >> 16u;
  let bLow = b & 0xffffu;
  let bHigh = b >> 16u;
  let lowProduct = aLow * bLow;
  let crossProduct = aLow * bHigh + aHigh * bLow;
  let highProduct = aHigh * bHigh;

  var result = vec2u(0u, lowProduct);
  result = fp64_u64_add(
    result,
    fp64_u64_shift_left(vec2u(0u, crossProduct), 16u)
  );
  result = fp64_u64_add(result, vec2u(highProduct, 0u));
  return result;
}

fn fp64_two_prod_integer_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_f32_bits(aBits);
  let b = fp64_decode_f32_bits(bBits);
  let resultSign = a.sign ^ b.sign;

  if (a.isNan || b.isNan || ((a.isZero || b.isZero) && (a.isInf || b.isInf))) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    return vec2u((resultSign << 31u) | 0x7f800000u, resultSign << 31u);
  }
  if (a.isZero || b.isZero) {
    return vec2u(resultSign << 31u, resultSign << 31u);
  }

  let magnitude = fp64_multiply_significands(a.significand, b.significand);
  return fp64_split_accumulator_bits(
    resultSign,
    magnitude,
    a.baseExponent + b.baseExponent
  );
}

fn fp64_two_prod_integer(a: f32, b: f32) -> vec2f {
  let resultBits = fp64_two_prod_integer_bits(bitcast<u32>(a), bitcast<u32>(b));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn fp64_round_add_integer(a: f32, b: f32) -> f32 {
  return fp64_two_sum_integer(a, b).x;
}

fn fp64_round_mul_integer(a: f32, b: f32) -> f32 {
  return fp64_two_prod_integer(a, b).x;
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_f32_finite_exponent(value: Fp64F32Bits) -> i32 {
  let mostSignificantBit = 31u - countLeadingZeros(value.significand);
  return value.baseExponent + i32(mostSignificantBit);
}

fn fp64_scale_f32_integer(value: f32, exponent: i32) -> f32 {
  let decoded = fp64_decode_f32_bits(bitcast<u32>(value));
  if (decoded.isZero || decoded.isInf || decoded.isNan) {
    return value;
  }
  let resultBits = fp64_make_f32_bits_from_u64(
    decoded.sign,
    vec2u(0u, decoded.significand),
    decoded.baseExponent + exponent
  );
  return bitcast<f32>(resultBits);
}

// Divide normalized significands so the hardware operation cannot overflow,
// underflow, or flush a subnormal result. Reapply the exponent with integer
// packing, which also produces subnormal correction limbs without relying on
// floating-point arithmetic to preserve them.
fn fp64_divide_f32_integer(aValue: f32, bValue: f32) -> f32 {
  let a = fp64_decode_f32_bits(bitcast<u32>(aValue));
  let b = fp64_decode_f32_bits(bitcast<u32>(bValue));
  if (a.isZero || b.isZero || a.isInf || b.isInf || a.isNan || b.isNan) {
    return aValue / bValue;
  }

  let aMostSignificantBit = 31u - countLeadingZeros(a.significand);
  let bMostSignificantBit = 31u - countLeadingZeros(b.significand);
  let normalizedABits = fp64_make_f32_bits_from_u64(
    a.sign,
    vec2u(0u, a.significand),
    -i32(aMostSignificantBit)
  );
  let normalizedBBits = fp64_make_f32_bits_from_u64(
    b.sign,
    vec2u(0u, b.significand),
    -i32(bMostSignificantBit)
  );
  let normalizedQuotient = bitcast<f32>(normalizedABits) / bitcast<f32>(normalizedBBits);
  let quotient = fp64_decode_f32_bits(bitcast<u32>(normalizedQuotient));
  let exponentShift =
    a.baseExponent + i32(aMostSignificantBit) -
    b.baseExponent - i32(bMostSignificantBit);
  let quotientBits = fp64_make_f32_bits_from_u64(
    quotient.sign,
    vec2u(0u, quotient.significand),
    quotient.baseExponent + exponentShift
  );
  return bitcast<f32>(quotientBits);
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn split(a: f32) -> vec2f {
  let aBits = bitcast<u32>(a);
  let decoded = fp64_decode_f32_bits(aBits);
  if (decoded.isZero || decoded.isInf || decoded.isNan) {
    return vec2f(a, 0.0);
  }

  var roundedHigh = decoded.significand >> 12u;
  let remainder = decoded.significand & 0xfffu;
  if (remainder > 0x800u || (remainder == 0x800u && (roundedHigh & 1u) == 1u)) {
    roundedHigh = roundedHigh + 1u;
  }
  var highMagnitude = vec2u(0u, roundedHigh << 12u);
  var highBits = fp64_make_f32_bits_from_u64(
    decoded.sign,
    highMagnitude,
    decoded.baseExponent
  );
  // Rounding the high limb of a maximum-exponent value can overflow even
  // though the original value is finite. Truncate only in that boundary case
  // so split remains an exact finite decomposition.
  if (fp64_decode_f32_bits(highBits).isInf) {
    roundedHigh = decoded.significand >> 12u;
    highMagnitude = vec2u(0u, roundedHigh << 12u);
    highBits = fp64_make_f32_bits_from_u64(
      decoded.sign,
      highMagnitude,
      decoded.baseExponent
    );
  }
  let lowBits = fp64_make_residual_f32_bits(
    decoded.sign,
    vec2u(0u, decoded.significand),
    decoded.baseExponent,
    highBits
  );
  return vec2f(bitcast<f32>(highBits), bitcast<f32>(lowBits));
}

fn split2(a: vec2f) -> vec2f {
  var result = split(a.x);
  result.y = fp64_round_add_integer(result.y, a.y);
  return result;
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn quickTwoSum(a: f32, b: f32) -> vec2f {
  return fp64_two_sum_integer(a, b);
}
#endif

fn twoSum(a: f32, b: f32) -> vec2f {
  return fp64_two_sum_integer(a, b);
}

fn twoSub(a: f32, b: f32) -> vec2f {
  let bBits = bitcast<u32>(b) ^ 0x80000000u;
  let resultBits = fp64_two_sum_integer_bits(bitcast<u32>(a), bBits);
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn twoSqr(a: f32) -> vec2f {
  return fp64_two_prod_integer(a, a);
}

fn twoProd(a: f32, b: f32) -> vec2f {
  return fp64_two_prod_integer(a, b);
}
#endif

fn sum_fp64(a: vec2f, b: vec2f) -> vec2f {
  var sum = fp64_two_sum_integer(a.x, b.x);
  let lowSum = fp64_two_sum_integer(a.y, b.y);
  sum.y = fp64_round_add_integer(sum.y, lowSum.x);
  sum = fp64_two_sum_integer(sum.x, sum.y);
  sum.y = fp64_round_add_integer(sum.y, lowSum.y);
  return fp64_two_sum_integer(sum.x, sum.y);
}

fn sub_fp64(a: vec2f, b: vec2f) -> vec2f {
  let negatedB = vec2f(
    bitcast<f32>(bitcast<u32>(b.x) ^ 0x80000000u),
    bitcast<f32>(bitcast<u32>(b.y) ^ 0x80000000u)
  );
  return sum_fp64(a, negatedB);
}

fn mul_fp64(a: vec2f, b: vec2f) -> vec2f {
  var product = fp64_two_prod_integer(a.x, b.x);
  let crossProduct1 = fp64_round_mul_integer(a.x, b.y);
  product.y = fp64_round_add_integer(product.y, crossProduct1);
  product = fp64_two_sum_integer(product.x, product.y);
  let crossProduct2 = fp64_round_mul_integer(a.y, b.x);
  product.y = fp64_round_add_integer(product.y, crossProduct2);
  return fp64_two_sum_integer(product.x, product.y);
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_scale_fp64_integer(value: vec2f, exponent: i32) -> vec2f {
  let high = fp64_scale_f32_integer(value.x, exponent);
  let low = fp64_scale_f32_integer(value.y, exponent);
  return sum_fp64(vec2f(high, 0.0), vec2f(low, 0.0));
}

fn fp64_div_fp64_normalized(a: vec2f, b: vec2f) -> vec2f {
  let quotientHigh = fp64_divide_f32_integer(a.x, b.x);
  var quotient = vec2f(quotientHigh, 0.0);

  let remainder = sub_fp64(a, mul_fp64(b, quotient));
  let quotientLow = fp64_divide_f32_integer(remainder.x, b.x);
  quotient = sum_fp64(quotient, vec2f(quotientLow, 0.0));

  let secondRemainder = sub_fp64(a, mul_fp64(b, quotient));
  let correction = fp64_divide_f32_integer(secondRemainder.x, b.x);
  return sum_fp64(quotient, vec2f(correction, 0.0));
}

fn div_fp64(a: vec2f, b: vec2f) -> vec2f {
  let decodedA = fp64_decode_f32_bits(bitcast<u32>(a.x));
  let decodedB = fp64_decode_f32_bits(bitcast<u32>(b.x));
  if (
    decodedA.isZero || decodedB.isZero ||
    decodedA.isInf || decodedB.isInf ||
    decodedA.isNan || decodedB.isNan
  ) {
    return fp64_div_fp64_normalized(a, b);
  }

  let exponentA = fp64_f32_finite_exponent(decodedA);
  let exponentB = fp64_f32_finite_exponent(decodedB);
  // Correct the quotient near unity so b * q and the remainder stay clear of
  // both f32 underflow and overflow. The exponent difference is applied once.
  let normalizedA = fp64_scale_fp64_integer(a, -exponentA);
  let normalizedB = fp64_scale_fp64_integer(b, -exponentB);
  let normalizedQuotient = fp64_div_fp64_normalized(normalizedA, normalizedB);
  return fp64_scale_fp64_integer(normalizedQuotient, exponentA - exponentB);
}

fn fp64_sqrt_fp64_normalized(a: vec2f) -> vec2f {
  let estimate = sqrt(a.x);
  let difference = sub_fp64(a, fp64_two_prod_integer(estimate, estimate)).x;
  let denominator = fp64_round_add_integer(estimate, estimate);
  let correction = fp64_divide_f32_integer(difference, denominator);
  return sum_fp64(vec2f(estimate, 0.0), vec2f(correction, 0.0));
}

fn sqrt_fp64(a: vec2f) -> vec2f {
  let decoded = fp64_decode_f32_bits(bitcast<u32>(a.x));
  let decodedLow = fp64_decode_f32_bits(bitcast<u32>(a.y));
  if (decoded.isZero && decodedLow.isZero) {
    return vec2f(0.0, 0.0);
  }
  if (decoded.sign == 1u) {
    let nanValue = fp64_nan(a.x);
    return vec2f(nanValue, nanValue);
  }

  if (decoded.isInf || decoded.isNan) {
    return fp64_sqrt_fp64_normalized(a);
  }
  let exponent = fp64_f32_finite_exponent(decoded);
  // An even scale lets the final square-root rescale use an integer exponent.
  let evenExponent = exponent - (exponent & 1);
  let normalizedA = fp64_scale_fp64_integer(a, -evenExponent);
  let normalizedRoot = fp64_sqrt_fp64_normalized(normalizedA);
  return fp64_scale_fp64_integer(normalizedRoot, evenExponent / 2);
}
#endif
`;var an=`struct Fp64ArithmeticUniforms {
  ONE: f32,
  SPLIT: f32,
};

@group(0) @binding(auto) var<uniform> fp64arithmetic : Fp64ArithmeticUniforms;

#ifndef LUMA_FP64_F32_INPUT_ONLY
struct Fp64Bits {
  sign: u32,
  exponent: i32,
  significand: vec2u,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_nan(seed: f32) -> f32 {
  let nanBits = 0x7fc00000u | select(0u, 1u, seed < 0.0);
  return bitcast<f32>(nanBits);
}
#endif

fn fp64_u64_is_zero(value: vec2u) -> bool {
  return value.x == 0u && value.y == 0u;
}

fn fp64_u64_compare(a: vec2u, b: vec2u) -> i32 {
  if (a.x != b.x) {
    return select(-1, 1, a.x > b.x);
  }
  if (a.y != b.y) {
    return select(-1, 1, a.y > b.y);
  }
  return 0;
}

fn fp64_u64_add(a: vec2u, b: vec2u) -> vec2u {
  let low = a.y + b.y;
  let carry = select(0u, 1u, low < a.y);
  return vec2u(a.x + b.x + carry, low);
}

fn fp64_u64_sub(a: vec2u, b: vec2u) -> vec2u {
  let borrow = select(0u, 1u, a.y < b.y);
  return vec2u(a.x - b.x - borrow, a.y - b.y);
}

fn fp64_u64_shift_left(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }
  if (shift < 32u) {
    return vec2u((value.x << shift) | (value.y >> (32u - shift)), value.y << shift);
  }
  if (shift == 32u) {
    return vec2u(value.y, 0u);
  }
  if (shift < 64u) {
    return vec2u(value.y << (shift - 32u), 0u);
  }
  return vec2u(0u);
}

fn fp64_u64_shift_right(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }
  if (shift < 32u) {
    return vec2u(value.x >> shift, (value.y >> shift) | (value.x << (32u - shift)));
  }
  if (shift == 32u) {
    return vec2u(0u, value.x);
  }
  if (shift < 64u) {
    return vec2u(0u, value.x >> (shift - 32u));
  }
  return vec2u(0u);
}

fn fp64_u64_get_bit(value: vec2u, bitIndex: u32) -> bool {
  if (bitIndex >= 64u) {
    return false;
  }
  if (bitIndex >= 32u) {
    return ((value.x >> (bitIndex - 32u)) & 1u) != 0u;
  }
  return ((value.y >> bitIndex) & 1u) != 0u;
}

fn fp64_u64_has_bits_below(value: vec2u, bitCount: u32) -> bool {
  if (bitCount == 0u) {
    return false;
  }
  if (bitCount >= 64u) {
    return !fp64_u64_is_zero(value);
  }
  if (bitCount > 32u) {
    let highBitCount = bitCount - 32u;
    let highMask = (1u << highBitCount) - 1u;
    return value.y != 0u || (value.x & highMask) != 0u;
  }
  if (bitCount == 32u) {
    return value.y != 0u;
  }
  let lowMask = (1u << bitCount) - 1u;
  return (value.y & lowMask) != 0u;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_u64_shift_right_sticky(value: vec2u, shift: u32) -> vec2u {
  var shifted = fp64_u64_shift_right(value, shift);
  if (fp64_u64_has_bits_below(value, shift)) {
    shifted.y = shifted.y | 1u;
  }
  return shifted;
}
#endif

fn fp64_u64_count_leading_zeros(value: vec2u) -> u32 {
  if (value.x != 0u) {
    return countLeadingZeros(value.x);
  }
  return 32u + countLeadingZeros(value.y);
}

fn fp64_round_shift_right_to_u32(value: vec2u, shift: u32) -> u32 {
  if (shift == 0u) {
    return value.y;
  }

  let truncated = fp64_u64_shift_right(value, shift);
  var rounded = truncated.y;
  let guard = fp64_u64_get_bit(value, shift - 1u);
  let hasTrailingBits = fp64_u64_has_bits_below(value, shift - 1u);
  if (guard && (hasTrailingBits || (rounded & 1u) == 1u)) {
    rounded = rounded + 1u;
  }
  return rounded;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_round_shift_right(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }

  var rounded = fp64_u64_shift_right(value, shift);
  let guard = fp64_u64_get_bit(value, shift - 1u);
  let hasTrailingBits = fp64_u64_has_bits_below(value, shift - 1u);
  if (guard && (hasTrailingBits || (rounded.y & 1u) == 1u)) {
    rounded = fp64_u64_add(rounded, vec2u(0u, 1u));
  }
  return rounded;
}
#endif

fn fp64_make_f32_bits_from_u64(sign: u32, significand: vec2u, baseExponent: i32) -> u32 {
  if (fp64_u64_is_zero(significand)) {
    return sign << 31u;
  }

  let leadingZeros = fp64_u64_count_leading_zeros(significand);
  let mostSignificantBit = 63u - leadingZeros;
  var exponent = baseExponent + i32(mostSignificantBit);

  if (exponent > 127) {
    return (sign << 31u) | 0x7f800000u;
  }

  if (exponent >= -126) {
    let shift = i32(mostSignificantBit) - 23;
    var significand24: u32;
    if (shift > 0) {
      significand24 = fp64_round_shift_right_to_u32(significand, u32(shift));
    } else {
      significand24 = fp64_u64_shift_left(significand, u32(-shift)).y;
    }

    if (significand24 >= 0x1000000u) {
      significand24 = significand24 >> 1u;
      exponent = exponent + 1;
      if (exponent > 127) {
        return (sign << 31u) | 0x7f800000u;
      }
    }

    return (sign << 31u) | (u32(exponent + 127) << 23u) | (significand24 & 0x7fffffu);
  }

  let scaleExponent = baseExponent + 149;
  var mantissa: u32;
  if (scaleExponent >= 0) {
    mantissa = fp64_u64_shift_left(significand, u32(scaleExponent)).y;
  } else {
    mantissa = fp64_round_shift_right_to_u32(significand, u32(-scaleExponent));
  }

  if (mantissa >= 0x800000u) {
    return (sign << 31u) | 0x00800000u;
  }
  return (sign << 31u) | mantissa;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_decode_bits(bits: vec2u) -> Fp64Bits {
  let sign = bits.x >> 31u;
  let exponentBits = (bits.x >> 20u) & 0x7ffu;
  let fractionHigh = bits.x & 0xfffffu;
  let fractionLow = bits.y;
  let fraction = vec2u(fractionHigh, fractionLow);

  if (exponentBits == 0x7ffu) {
    let isInf = fp64_u64_is_zero(fraction);
    return Fp64Bits(sign, 0, vec2u(0u), false, isInf, !isInf);
  }

  if (exponentBits == 0u) {
    let isZero = fp64_u64_is_zero(fraction);
    return Fp64Bits(sign, -1022, fraction, isZero, false, false);
  }

  return Fp64Bits(sign, i32(exponentBits) - 1023, vec2u((1u << 20u) | fractionHigh, fractionLow), false, false, false);
}

fn fp64_finite_magnitude_compare(a: Fp64Bits, b: Fp64Bits) -> i32 {
  if (a.exponent != b.exponent) {
    return select(-1, 1, a.exponent > b.exponent);
  }
  return fp64_u64_compare(a.significand, b.significand);
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
struct Fp64RawF32Bits {
  sign: u32,
  baseExponent: i32,
  significand: u32,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};

// Decode an f32 as (-1)^sign * significand * 2^baseExponent. This shared
// integer representation lets normalization remain independent of the
// selected double-single arithmetic implementation.
fn fp64_decode_raw_f32_bits(bits: u32) -> Fp64RawF32Bits {
  let sign = bits >> 31u;
  let exponentBits = (bits >> 23u) & 0xffu;
  let fraction = bits & 0x7fffffu;

  if (exponentBits == 0xffu) {
    return Fp64RawF32Bits(sign, 0, 0u, false, fraction == 0u, fraction != 0u);
  }
  if (exponentBits == 0u) {
    return Fp64RawF32Bits(sign, -149, fraction, fraction == 0u, false, false);
  }
  return Fp64RawF32Bits(
    sign,
    i32(exponentBits) - 150,
    0x800000u | fraction,
    false,
    false,
    false
  );
}

fn fp64_raw_f32_magnitude_compare(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  return select(-1, 1, aMagnitude > bMagnitude);
}

fn fp64_make_raw_residual_f32_bits(
  exactSign: u32,
  exactMagnitude: vec2u,
  exactBaseExponent: i32,
  highBits: u32
) -> u32 {
  if (fp64_u64_is_zero(exactMagnitude)) {
    return 0u;
  }

  let high = fp64_decode_raw_f32_bits(highBits);
  if (high.isInf || high.isNan) {
    return 0u;
  }
  if (high.isZero) {
    return fp64_make_f32_bits_from_u64(exactSign, exactMagnitude, exactBaseExponent);
  }

  let commonBaseExponent = min(exactBaseExponent, high.baseExponent);
  let exactShift = exactBaseExponent - commonBaseExponent;
  let highShift = high.baseExponent - commonBaseExponent;
  if (exactShift >= 64 || highShift >= 64) {
    return 0u;
  }

  let exactAligned = fp64_u64_shift_left(exactMagnitude, u32(exactShift));
  let highAligned = fp64_u64_shift_left(vec2u(0u, high.significand), u32(highShift));
  let comparison = fp64_u64_compare(exactAligned, highAligned);
  if (comparison == 0) {
    return 0u;
  }

  var residualSign = exactSign;
  var residualMagnitude: vec2u;
  if (comparison > 0) {
    residualMagnitude = fp64_u64_sub(exactAligned, highAligned);
  } else {
    residualSign = exactSign ^ 1u;
    residualMagnitude = fp64_u64_sub(highAligned, exactAligned);
  }
  return fp64_make_f32_bits_from_u64(
    residualSign,
    residualMagnitude,
    commonBaseExponent
  );
}

fn fp64_split_raw_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  if (fp64_u64_is_zero(magnitude)) {
    return vec2u(0u);
  }
  let highBits = fp64_make_f32_bits_from_u64(sign, magnitude, baseExponent);
  let rawLowBits = fp64_make_raw_residual_f32_bits(sign, magnitude, baseExponent, highBits);
  let lowBits = select(rawLowBits, 0u, (rawLowBits & 0x7fffffffu) == 0u);
  if ((highBits & 0x7fffffffu) == 0u && (lowBits & 0x7fffffffu) == 0u) {
    return vec2u(0u);
  }
  return vec2u(highBits, lowBits);
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
// Round an arithmetic accumulator to binary64 before splitting it. The
// aligned add/subtract paths retain three guard bits plus a sticky bit, which
// is sufficient for round-to-nearest-even at the binary64 boundary.
fn fp64_split_binary64_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  if (fp64_u64_is_zero(magnitude)) {
    return vec2u(0u);
  }

  let mostSignificantBit = 63u - fp64_u64_count_leading_zeros(magnitude);
  let exponent = baseExponent + i32(mostSignificantBit);
  if (exponent > 1023) {
    return vec2u((sign << 31u) | 0x7f800000u, 0u);
  }

  var roundedMagnitude = magnitude;
  var roundedBaseExponent = baseExponent;
  if (exponent >= -1022) {
    if (mostSignificantBit > 52u) {
      let shift = mostSignificantBit - 52u;
      roundedMagnitude = fp64_round_shift_right(magnitude, shift);
      roundedBaseExponent = baseExponent + i32(shift);
    }
  } else {
    let shift = -1074 - baseExponent;
    if (shift > 0) {
      roundedMagnitude = fp64_round_shift_right(magnitude, u32(shift));
      roundedBaseExponent = -1074;
    }
  }

  if (fp64_u64_is_zero(roundedMagnitude)) {
    return vec2u(0u);
  }
  return fp64_split_raw_accumulator_bits(sign, roundedMagnitude, roundedBaseExponent);
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_add_raw_f32_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_raw_f32_bits(aBits);
  let b = fp64_decode_raw_f32_bits(bBits);

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    if (a.isInf && b.isInf && a.sign != b.sign) {
      return vec2u(0x7fc00000u, 0u);
    }
    return select(vec2u(bBits, 0u), vec2u(aBits, 0u), a.isInf);
  }
  if (a.isZero && b.isZero) {
    return vec2u(0u);
  }
  if (a.isZero) {
    return vec2u(bBits, 0u);
  }
  if (b.isZero) {
    return vec2u(aBits, 0u);
  }

  let exponentDifference = abs(a.baseExponent - b.baseExponent);
  if (exponentDifference > 25) {
    if (fp64_raw_f32_magnitude_compare(aBits, bBits) >= 0) {
      return vec2u(aBits, bBits);
    }
    return vec2u(bBits, aBits);
  }

  let commonBaseExponent = min(a.baseExponent, b.baseExponent);
  let aMagnitude = fp64_u64_shift_left(
    vec2u(0u, a.significand),
    u32(a.baseExponent - commonBaseExponent)
  );
  let bMagnitude = fp64_u64_shift_left(
    vec2u(0u, b.significand),
    u32(b.baseExponent - commonBaseExponent)
  );

  var resultSign = a.sign;
  var resultMagnitude: vec2u;
  if (a.sign == b.sign) {
    resultMagnitude = fp64_u64_add(aMagnitude, bMagnitude);
  } else {
    let comparison = fp64_u64_compare(aMagnitude, bMagnitude);
    if (comparison == 0) {
      return vec2u(0u);
    }
    if (comparison > 0) {
      resultMagnitude = fp64_u64_sub(aMagnitude, bMagnitude);
    } else {
      resultSign = b.sign;
      resultMagnitude = fp64_u64_sub(bMagnitude, aMagnitude);
    }
  }

  return fp64_split_raw_accumulator_bits(
    resultSign,
    resultMagnitude,
    commonBaseExponent
  );
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_add_aligned_magnitudes_to_fp64_bits(
  sign: u32,
  larger: Fp64Bits,
  smaller: Fp64Bits
) -> vec2u {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_add(largeSignificand, smallSignificand);
  return fp64_split_binary64_accumulator_bits(
    sign,
    resultSignificand,
    larger.exponent - 55
  );
}

fn fp64_sub_aligned_magnitudes_to_fp64_bits(
  sign: u32,
  larger: Fp64Bits,
  smaller: Fp64Bits
) -> vec2u {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_sub(largeSignificand, smallSignificand);
  return fp64_split_binary64_accumulator_bits(
    sign,
    resultSignificand,
    larger.exponent - 55
  );
}

fn fp64_add_aligned_magnitudes_to_f32_bits(sign: u32, larger: Fp64Bits, smaller: Fp64Bits) -> u32 {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_add(largeSignificand, smallSignificand);
  return fp64_make_f32_bits_from_u64(sign, resultSignificand, larger.exponent - 55);
}

fn fp64_sub_aligned_magnitudes_to_f32_bits(sign: u32, larger: Fp64Bits, smaller: Fp64Bits) -> u32 {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_sub(largeSignificand, smallSignificand);
  return fp64_make_f32_bits_from_u64(sign, resultSignificand, larger.exponent - 55);
}

// Subtract two raw binary64 values and round the exact result once to f32.
// The input words are canonical high/low words: .x contains sign/exponent/high
// fraction bits, and .y contains the low 32 fraction bits.
fn sub_fp64u32_to_f32_bits(aBits: vec2u, bBits: vec2u) -> u32 {
  let a = fp64_decode_bits(aBits);
  let b = fp64_decode_bits(bBits);
  let bSubtractionSign = b.sign ^ 1u;

  if (a.isNan || b.isNan) {
    return 0x7fc00000u;
  }
  if (a.isInf && b.isInf) {
    if (a.sign == bSubtractionSign) {
      return (a.sign << 31u) | 0x7f800000u;
    }
    return 0x7fc00000u;
  }
  if (a.isInf) {
    return (a.sign << 31u) | 0x7f800000u;
  }
  if (b.isInf) {
    return (bSubtractionSign << 31u) | 0x7f800000u;
  }
  if (a.isZero && b.isZero) {
    return select(0u, 0x80000000u, a.sign == 1u && b.sign == 0u);
  }

  let magnitudeComparison = fp64_finite_magnitude_compare(a, b);
  if (a.sign == bSubtractionSign) {
    if (magnitudeComparison >= 0) {
      return fp64_add_aligned_magnitudes_to_f32_bits(a.sign, a, b);
    }
    return fp64_add_aligned_magnitudes_to_f32_bits(a.sign, b, a);
  }

  if (magnitudeComparison == 0) {
    return 0u;
  }
  if (magnitudeComparison > 0) {
    return fp64_sub_aligned_magnitudes_to_f32_bits(a.sign, a, b);
  }
  return fp64_sub_aligned_magnitudes_to_f32_bits(bSubtractionSign, b, a);
}

fn sub_fp64u32_to_f32(aBits: vec2u, bBits: vec2u) -> f32 {
  return bitcast<f32>(sub_fp64u32_to_f32_bits(aBits, bBits));
}

// Subtract two raw binary64 values, round once to binary64, then split the
// result into normalized f32 limbs. Finite results must fit within the f32
// exponent range; larger magnitudes map to infinity and smaller magnitudes
// map to zero. The input words use canonical high/low word order.
fn sub_fp64u32_to_fp64_bits(aBits: vec2u, bBits: vec2u) -> vec2u {
  let a = fp64_decode_bits(aBits);
  let b = fp64_decode_bits(bBits);
  let bSubtractionSign = b.sign ^ 1u;

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf && b.isInf) {
    if (a.sign == bSubtractionSign) {
      return vec2u((a.sign << 31u) | 0x7f800000u, 0u);
    }
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf) {
    return vec2u((a.sign << 31u) | 0x7f800000u, 0u);
  }
  if (b.isInf) {
    return vec2u((bSubtractionSign << 31u) | 0x7f800000u, 0u);
  }
  if (a.isZero && b.isZero) {
    return vec2u(0u);
  }

  let magnitudeComparison = fp64_finite_magnitude_compare(a, b);
  if (a.sign == bSubtractionSign) {
    if (magnitudeComparison >= 0) {
      return fp64_add_aligned_magnitudes_to_fp64_bits(a.sign, a, b);
    }
    return fp64_add_aligned_magnitudes_to_fp64_bits(a.sign, b, a);
  }

  if (magnitudeComparison == 0) {
    return vec2u(0u);
  }
  if (magnitudeComparison > 0) {
    return fp64_sub_aligned_magnitudes_to_fp64_bits(a.sign, a, b);
  }
  return fp64_sub_aligned_magnitudes_to_fp64_bits(bSubtractionSign, b, a);
}

fn sub_fp64u32_to_fp64(aBits: vec2u, bBits: vec2u) -> vec2f {
  let resultBits = sub_fp64u32_to_fp64_bits(aBits, bBits);
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_runtime_zero() -> f32 {
  return fp64arithmetic.ONE * 0.0;
}

fn prevent_fp64_optimization(value: f32) -> f32 {
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  return value + fp64_runtime_zero();
#else
  return value;
#endif
}
#endif

#ifdef LUMA_FP64_INTEGER_ARITHMETIC
${sn}
#else
fn split(a: f32) -> vec2f {
  let splitValue = prevent_fp64_optimization(fp64arithmetic.SPLIT + fp64_runtime_zero());
  let t = prevent_fp64_optimization(a * splitValue);
  let temp = prevent_fp64_optimization(t - a);
  let aHi = prevent_fp64_optimization(t - temp);
  let aLo = prevent_fp64_optimization(a - aHi);
  return vec2f(aHi, aLo);
}

fn split2(a: vec2f) -> vec2f {
  var b = split(a.x);
  b.y = b.y + a.y;
  return b;
}

fn quickTwoSum(a: f32, b: f32) -> vec2f {
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let sum = prevent_fp64_optimization((a + b) * fp64arithmetic.ONE);
  let err = prevent_fp64_optimization(b - (sum - a) * fp64arithmetic.ONE);
#else
  let sum = prevent_fp64_optimization(a + b);
  let err = prevent_fp64_optimization(b - (sum - a));
#endif
  return vec2f(sum, err);
}

fn twoSum(a: f32, b: f32) -> vec2f {
  let s = prevent_fp64_optimization(a + b);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let v = prevent_fp64_optimization((s * fp64arithmetic.ONE - a) * fp64arithmetic.ONE);
  let err =
    prevent_fp64_optimization((a - (s - v) * fp64arithmetic.ONE) *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE) +
    prevent_fp64_optimization(b - v);
#else
  let v = prevent_fp64_optimization(s - a);
  let err = prevent_fp64_optimization(a - (s - v)) + prevent_fp64_optimization(b - v);
#endif
  return vec2f(s, err);
}

fn twoSub(a: f32, b: f32) -> vec2f {
  let s = prevent_fp64_optimization(a - b);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let v = prevent_fp64_optimization((s * fp64arithmetic.ONE - a) * fp64arithmetic.ONE);
  let err =
    prevent_fp64_optimization((a - (s - v) * fp64arithmetic.ONE) *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE) -
    prevent_fp64_optimization(b + v);
#else
  let v = prevent_fp64_optimization(s - a);
  let err = prevent_fp64_optimization(a - (s - v)) - prevent_fp64_optimization(b + v);
#endif
  return vec2f(s, err);
}

fn twoSqr(a: f32) -> vec2f {
  let prod = prevent_fp64_optimization(a * a);
  let aFp64 = split(a);
  let highProduct = prevent_fp64_optimization(aFp64.x * aFp64.x);
  let crossProduct = prevent_fp64_optimization(2.0 * aFp64.x * aFp64.y);
  let lowProduct = prevent_fp64_optimization(aFp64.y * aFp64.y);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let err =
    (prevent_fp64_optimization(highProduct - prod) * fp64arithmetic.ONE +
      crossProduct * fp64arithmetic.ONE * fp64arithmetic.ONE) +
    lowProduct * fp64arithmetic.ONE * fp64arithmetic.ONE * fp64arithmetic.ONE;
#else
  let err = ((prevent_fp64_optimization(highProduct - prod) + crossProduct) + lowProduct);
#endif
  return vec2f(prod, err);
}

fn twoProd(a: f32, b: f32) -> vec2f {
  let prod = prevent_fp64_optimization(a * b);
  let aFp64 = split(a);
  let bFp64 = split(b);
  let highProduct = prevent_fp64_optimization(aFp64.x * bFp64.x);
  let crossProduct1 = prevent_fp64_optimization(aFp64.x * bFp64.y);
  let crossProduct2 = prevent_fp64_optimization(aFp64.y * bFp64.x);
  let lowProduct = prevent_fp64_optimization(aFp64.y * bFp64.y);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let err1 = (highProduct - prod) * fp64arithmetic.ONE;
  let err2 = crossProduct1 * fp64arithmetic.ONE * fp64arithmetic.ONE;
  let err3 = crossProduct2 * fp64arithmetic.ONE * fp64arithmetic.ONE * fp64arithmetic.ONE;
  let err4 =
    lowProduct *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE;
#else
  let err1 = highProduct - prod;
  let err2 = crossProduct1;
  let err3 = crossProduct2;
  let err4 = lowProduct;
#endif
  let err12InputA = prevent_fp64_optimization(err1);
  let err12InputB = prevent_fp64_optimization(err2);
  let err12 = prevent_fp64_optimization(err12InputA + err12InputB);
  let err123InputA = prevent_fp64_optimization(err12);
  let err123InputB = prevent_fp64_optimization(err3);
  let err123 = prevent_fp64_optimization(err123InputA + err123InputB);
  let err1234InputA = prevent_fp64_optimization(err123);
  let err1234InputB = prevent_fp64_optimization(err4);
  let err = prevent_fp64_optimization(err1234InputA + err1234InputB);
  return vec2f(prod, err);
}

fn sum_fp64(a: vec2f, b: vec2f) -> vec2f {
  var s = twoSum(a.x, b.x);
  let t = twoSum(a.y, b.y);
  s.y = prevent_fp64_optimization(s.y + t.x);
  s = quickTwoSum(s.x, s.y);
  s.y = prevent_fp64_optimization(s.y + t.y);
  s = quickTwoSum(s.x, s.y);
  return s;
}

fn sub_fp64(a: vec2f, b: vec2f) -> vec2f {
  var s = twoSub(a.x, b.x);
  let t = twoSub(a.y, b.y);
  s.y = prevent_fp64_optimization(s.y + t.x);
  s = quickTwoSum(s.x, s.y);
  s.y = prevent_fp64_optimization(s.y + t.y);
  s = quickTwoSum(s.x, s.y);
  return s;
}

fn mul_fp64(a: vec2f, b: vec2f) -> vec2f {
  var prod = twoProd(a.x, b.x);
  let crossProduct1 = prevent_fp64_optimization(a.x * b.y);
  prod.y = prevent_fp64_optimization(prod.y + crossProduct1);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  let crossProduct2 = prevent_fp64_optimization(a.y * b.x);
  prod.y = prevent_fp64_optimization(prod.y + crossProduct2);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  return prod;
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn div_fp64(a: vec2f, b: vec2f) -> vec2f {
  let xn = prevent_fp64_optimization(1.0 / b.x);
  let yn = mul_fp64(a, vec2f(xn, fp64_runtime_zero()));
  let diff = prevent_fp64_optimization(sub_fp64(a, mul_fp64(b, yn)).x);
  let prod = twoProd(xn, diff);
  return sum_fp64(yn, prod);
}

fn sqrt_fp64(a: vec2f) -> vec2f {
  if (a.x == 0.0 && a.y == 0.0) {
    return vec2f(0.0, 0.0);
  }
  if (a.x < 0.0) {
    let nanValue = fp64_nan(a.x);
    return vec2f(nanValue, nanValue);
  }

  let x = prevent_fp64_optimization(1.0 / sqrt(a.x));
  let yn = prevent_fp64_optimization(a.x * x);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let ynSqr = twoSqr(yn) * fp64arithmetic.ONE;
#else
  let ynSqr = twoSqr(yn);
#endif
  let diff = prevent_fp64_optimization(sub_fp64(a, ynSqr).x);
  let prod = twoProd(prevent_fp64_optimization(x * 0.5), diff);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  return sum_fp64(split(yn), prod);
#else
  return sum_fp64(vec2f(yn, 0.0), prod);
#endif
}
#endif
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_f32_bits_is_nan(bits: u32) -> bool {
  return (bits & 0x7fffffffu) > 0x7f800000u;
}

fn fp64_f32_bits_is_inf(bits: u32) -> bool {
  return (bits & 0x7fffffffu) == 0x7f800000u;
}

fn fp64_compare_f32_bits(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == 0u && bMagnitude == 0u) {
    return 0;
  }
  let aSign = aBits >> 31u;
  let bSign = bBits >> 31u;
  if (aSign != bSign) {
    return select(1, -1, aSign == 1u);
  }
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  let magnitudeComparison = select(-1, 1, aMagnitude > bMagnitude);
  return select(magnitudeComparison, -magnitudeComparison, aSign == 1u);
}

// Normalize an arbitrary pair of finite f32 limbs with integer accumulation.
// This is independent of LUMA_FP64_INTEGER_ARITHMETIC and canonicalizes every
// representation of zero to vec2f(+0.0, +0.0).
fn normalize_fp64(value: vec2f) -> vec2f {
  let resultBits = fp64_add_raw_f32_bits(bitcast<u32>(value.x), bitcast<u32>(value.y));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn is_nan_fp64(value: vec2f) -> bool {
  let normalized = normalize_fp64(value);
  return fp64_f32_bits_is_nan(bitcast<u32>(normalized.x)) ||
    fp64_f32_bits_is_nan(bitcast<u32>(normalized.y));
}

fn is_finite_fp64(value: vec2f) -> bool {
  let normalized = normalize_fp64(value);
  let highBits = bitcast<u32>(normalized.x);
  let lowBits = bitcast<u32>(normalized.y);
  return !fp64_f32_bits_is_nan(highBits) && !fp64_f32_bits_is_nan(lowBits) &&
    !fp64_f32_bits_is_inf(highBits) && !fp64_f32_bits_is_inf(lowBits);
}

// Returns -1, 0, or 1. NaN is unordered and returns 0; call is_nan_fp64 or
// is_finite_fp64 first when 0 must mean a finite zero.
fn sign_fp64(value: vec2f) -> i32 {
  let normalized = normalize_fp64(value);
  let highBits = bitcast<u32>(normalized.x);
  let lowBits = bitcast<u32>(normalized.y);
  if (fp64_f32_bits_is_nan(highBits) || fp64_f32_bits_is_nan(lowBits)) {
    return 0;
  }
  if ((highBits & 0x7fffffffu) != 0u) {
    return select(1, -1, (highBits >> 31u) == 1u);
  }
  if ((lowBits & 0x7fffffffu) != 0u) {
    return select(1, -1, (lowBits >> 31u) == 1u);
  }
  return 0;
}

// Compares double-single values and returns -1, 0, or 1. NaN is unordered
// and returns 0; callers that require equality semantics must first check
// is_nan_fp64 or is_finite_fp64.
fn compare_fp64(a: vec2f, b: vec2f) -> i32 {
  let normalizedA = normalize_fp64(a);
  let normalizedB = normalize_fp64(b);
  let aHighBits = bitcast<u32>(normalizedA.x);
  let aLowBits = bitcast<u32>(normalizedA.y);
  let bHighBits = bitcast<u32>(normalizedB.x);
  let bLowBits = bitcast<u32>(normalizedB.y);
  if (fp64_f32_bits_is_nan(aHighBits) || fp64_f32_bits_is_nan(aLowBits) ||
      fp64_f32_bits_is_nan(bHighBits) || fp64_f32_bits_is_nan(bLowBits)) {
    return 0;
  }
  let highComparison = fp64_compare_f32_bits(aHighBits, bHighBits);
  if (highComparison != 0) {
    return highComparison;
  }
  return fp64_compare_f32_bits(aLowBits, bLowBits);
}
#endif
`;var Vo={ONE:1,SPLIT:4097},Wo={name:"fp64arithmetic",source:an,fs:Nt,vs:Nt,defaultUniforms:Vo,uniformTypes:{ONE:"f32",SPLIT:"f32"},fp64ify:Ot,fp64LowPart:nn,fp64ifyMatrix4:rn};var V={RGBA8UNORM:0,RGBA16FLOAT:1,RGBA32FLOAT:2},jo={rgba8unorm:4,rgba16float:8,rgba32float:16},Ho={...jo},pu={rgba8unorm:V.RGBA8UNORM,rgba16float:V.RGBA16FLOAT,rgba32float:V.RGBA32FLOAT},gu={[V.RGBA8UNORM]:"rgba8unorm",[V.RGBA16FLOAT]:"rgba16float",[V.RGBA32FLOAT]:"rgba32float"},qo={useByteColors:"f32"},Zo={useByteColors:!0};var mu={format:V.RGBA8UNORM,wordStride:Ho.rgba8unorm/Uint32Array.BYTES_PER_ELEMENT,wordOffset:0,_padding:0},_u=fn("colors"),un=fn("floatColors"),bu=ln("colors"),Ko=ln("floatColors"),yu=`struct storageColorsUniforms {
  format: u32,
  wordStride: u32,
  wordOffset: u32,
  _padding: u32
};

@group(0) @binding(auto) var<uniform> storageColors : storageColorsUniforms;
@group(0) @binding(auto) var<storage, read> storageColorsBuffer : array<u32>;

const STORAGE_COLOR_FORMAT_RGBA8UNORM : u32 = ${V.RGBA8UNORM}u;
const STORAGE_COLOR_FORMAT_RGBA16FLOAT : u32 = ${V.RGBA16FLOAT}u;

fn storageColors_getWordIndex(rowIndex: u32) -> u32 {
  return storageColors.wordOffset + rowIndex * storageColors.wordStride;
}

fn storageColors_readRgba8UnormColor(wordIndex: u32) -> vec4<f32> {
  return unpack4x8unorm(storageColorsBuffer[wordIndex]);
}

fn storageColors_readRgba16FloatColor(wordIndex: u32) -> vec4<f32> {
  let redGreen = unpack2x16float(storageColorsBuffer[wordIndex]);
  let blueAlpha = unpack2x16float(storageColorsBuffer[wordIndex + 1u]);
  return vec4<f32>(redGreen.x, redGreen.y, blueAlpha.x, blueAlpha.y);
}

fn storageColors_readRgba32FloatColor(wordIndex: u32) -> vec4<f32> {
  return vec4<f32>(
    bitcast<f32>(storageColorsBuffer[wordIndex]),
    bitcast<f32>(storageColorsBuffer[wordIndex + 1u]),
    bitcast<f32>(storageColorsBuffer[wordIndex + 2u]),
    bitcast<f32>(storageColorsBuffer[wordIndex + 3u])
  );
}

fn storageColors_readColor(rowIndex: u32) -> vec4<f32> {
  let wordIndex = storageColors_getWordIndex(rowIndex);
  if (storageColors.format == STORAGE_COLOR_FORMAT_RGBA8UNORM) {
    return storageColors_readRgba8UnormColor(wordIndex);
  }
  if (storageColors.format == STORAGE_COLOR_FORMAT_RGBA16FLOAT) {
    return storageColors_readRgba16FloatColor(wordIndex);
  }
  return storageColors_readRgba32FloatColor(wordIndex);
}
`;function fn(t){return`layout(std140) uniform ${t}Uniforms {
  float useByteColors;
} ${t};

vec3 ${t}_normalize(vec3 inputColor) {
  return ${t}.useByteColors > 0.5 ? inputColor / 255.0 : inputColor;
}

vec4 ${t}_normalize(vec4 inputColor) {
  return ${t}.useByteColors > 0.5 ? inputColor / 255.0 : inputColor;
}

vec4 ${t}_premultiplyAlpha(vec4 inputColor) {
  return vec4(inputColor.rgb * inputColor.a, inputColor.a);
}

vec4 ${t}_unpremultiplyAlpha(vec4 inputColor) {
  return inputColor.a > 0.0 ? vec4(inputColor.rgb / inputColor.a, inputColor.a) : vec4(0.0);
}

vec4 ${t}_premultiply_alpha(vec4 inputColor) {
  return ${t}_premultiplyAlpha(inputColor);
}

vec4 ${t}_unpremultiply_alpha(vec4 inputColor) {
  return ${t}_unpremultiplyAlpha(inputColor);
}
`}function ln(t){return`struct ${t}Uniforms {
  useByteColors: f32
};

@group(0) @binding(auto) var<uniform> ${t} : ${t}Uniforms;

fn ${t}_normalize(inputColor: vec3<f32>) -> vec3<f32> {
  return select(inputColor, inputColor / 255.0, ${t}.useByteColors > 0.5);
}

fn ${t}_normalize4(inputColor: vec4<f32>) -> vec4<f32> {
  return select(inputColor, inputColor / 255.0, ${t}.useByteColors > 0.5);
}

fn ${t}_premultiplyAlpha(inputColor: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(inputColor.rgb * inputColor.a, inputColor.a);
}

fn ${t}_unpremultiplyAlpha(inputColor: vec4<f32>) -> vec4<f32> {
  return select(
    vec4<f32>(0.0),
    vec4<f32>(inputColor.rgb / inputColor.a, inputColor.a),
    inputColor.a > 0.0
  );
}

fn ${t}_premultiply_alpha(inputColor: vec4<f32>) -> vec4<f32> {
  return ${t}_premultiplyAlpha(inputColor);
}

fn ${t}_unpremultiply_alpha(inputColor: vec4<f32>) -> vec4<f32> {
  return ${t}_unpremultiplyAlpha(inputColor);
}
`}var cn={name:"floatColors",props:{},uniforms:{},vs:un,fs:un,source:Ko,uniformTypes:qo,defaultUniforms:Zo};var Yo=[0,1,1,1],Xo=`layout(std140) uniform pickingUniforms {
  float isActive;
  float isAttribute;
  float isHighlightActive;
  float useByteColors;
  vec3 highlightedObjectColor;
  vec4 highlightColor;
} picking;

out vec4 picking_vRGBcolor_Avalid;

// Normalize unsigned byte color to 0-1 range
vec3 picking_normalizeColor(vec3 color) {
  return picking.useByteColors > 0.5 ? color / 255.0 : color;
}

// Normalize unsigned byte color to 0-1 range
vec4 picking_normalizeColor(vec4 color) {
  return picking.useByteColors > 0.5 ? color / 255.0 : color;
}

bool picking_isColorZero(vec3 color) {
  return dot(color, vec3(1.0)) < 0.00001;
}

bool picking_isColorValid(vec3 color) {
  return dot(color, vec3(1.0)) > 0.00001;
}

// Check if this vertex is highlighted 
bool isVertexHighlighted(vec3 vertexColor) {
  vec3 highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
  return
    bool(picking.isHighlightActive) && picking_isColorZero(abs(vertexColor - highlightedObjectColor));
}

// Set the current picking color
void picking_setPickingColor(vec3 pickingColor) {
  pickingColor = picking_normalizeColor(pickingColor);

  if (bool(picking.isActive)) {
    // Use alpha as the validity flag. If pickingColor is [0, 0, 0] fragment is non-pickable
    picking_vRGBcolor_Avalid.a = float(picking_isColorValid(pickingColor));

    if (!bool(picking.isAttribute)) {
      // Stores the picking color so that the fragment shader can render it during picking
      picking_vRGBcolor_Avalid.rgb = pickingColor;
    }
  } else {
    // Do the comparison with selected item color in vertex shader as it should mean fewer compares
    picking_vRGBcolor_Avalid.a = float(isVertexHighlighted(pickingColor));
  }
}

void picking_setPickingAttribute(float value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.r = value;
  }
}

void picking_setPickingAttribute(vec2 value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.rg = value;
  }
}

void picking_setPickingAttribute(vec3 value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.rgb = value;
  }
}
`,Jo=`layout(std140) uniform pickingUniforms {
  float isActive;
  float isAttribute;
  float isHighlightActive;
  float useByteColors;
  vec3 highlightedObjectColor;
  vec4 highlightColor;
} picking;

in vec4 picking_vRGBcolor_Avalid;

/*
 * Returns highlight color if this item is selected.
 */
vec4 picking_filterHighlightColor(vec4 color) {
  // If we are still picking, we don't highlight
  if (picking.isActive > 0.5) {
    return color;
  }

  bool selected = bool(picking_vRGBcolor_Avalid.a);

  if (selected) {
    // Blend in highlight color based on its alpha value
    float highLightAlpha = picking.highlightColor.a;
    float blendedAlpha = highLightAlpha + color.a * (1.0 - highLightAlpha);
    float highLightRatio = highLightAlpha / blendedAlpha;

    vec3 blendedRGB = mix(color.rgb, picking.highlightColor.rgb, highLightRatio);
    return vec4(blendedRGB, blendedAlpha);
  } else {
    return color;
  }
}

/*
 * Returns picking color if picking enabled else unmodified argument.
 */
vec4 picking_filterPickingColor(vec4 color) {
  if (bool(picking.isActive)) {
    if (picking_vRGBcolor_Avalid.a == 0.0) {
      discard;
    }
    return picking_vRGBcolor_Avalid;
  }
  return color;
}

/*
 * Returns picking color if picking is enabled if not
 * highlight color if this item is selected, otherwise unmodified argument.
 */
vec4 picking_filterColor(vec4 color) {
  vec4 highlightColor = picking_filterHighlightColor(color);
  return picking_filterPickingColor(highlightColor);
}
`,Qo={props:{},uniforms:{},name:"picking",uniformTypes:{isActive:"f32",isAttribute:"f32",isHighlightActive:"f32",useByteColors:"f32",highlightedObjectColor:"vec3<f32>",highlightColor:"vec4<f32>"},defaultUniforms:{isActive:!1,isAttribute:!1,isHighlightActive:!1,useByteColors:!0,highlightedObjectColor:[0,0,0],highlightColor:Yo},vs:Xo,fs:Jo,getUniforms:es};function es(t={},e){let i={},n=Je(t.useByteColors,!0);if(t.highlightedObjectColor!==void 0)if(t.highlightedObjectColor===null)i.isHighlightActive=!1;else{i.isHighlightActive=!0;let r=t.highlightedObjectColor.slice(0,3);i.highlightedObjectColor=r}return t.highlightColor&&(i.highlightColor=on(t.highlightColor,n)),t.isActive!==void 0&&(i.isActive=!!t.isActive,i.isAttribute=!!t.isAttribute),t.useByteColors!==void 0&&(i.useByteColors=!!t.useByteColors),i}var Rt=`precision highp int;

// #if (defined(SHADER_TYPE_FRAGMENT) && defined(LIGHTING_FRAGMENT)) || (defined(SHADER_TYPE_VERTEX) && defined(LIGHTING_VERTEX))
struct AmbientLight {
  vec3 color;
};

struct PointLight {
  vec3 color;
  vec3 position;
  vec3 attenuation; // 2nd order x:Constant-y:Linear-z:Exponential
};

struct SpotLight {
  vec3 color;
  vec3 position;
  vec3 direction;
  vec3 attenuation;
  vec2 coneCos;
};

struct DirectionalLight {
  vec3 color;
  vec3 direction;
};

struct UniformLight {
  vec3 color;
  vec3 position;
  vec3 direction;
  vec3 attenuation;
  vec2 coneCos;
};

layout(std140) uniform lightingUniforms {
  int enabled;
  int directionalLightCount;
  int pointLightCount;
  int spotLightCount;
  vec3 ambientColor;
  UniformLight lights[5];
} lighting;

PointLight lighting_getPointLight(int index) {
  UniformLight light = lighting.lights[index];
  return PointLight(light.color, light.position, light.attenuation);
}

SpotLight lighting_getSpotLight(int index) {
  UniformLight light = lighting.lights[lighting.pointLightCount + index];
  return SpotLight(light.color, light.position, light.direction, light.attenuation, light.coneCos);
}

DirectionalLight lighting_getDirectionalLight(int index) {
  UniformLight light =
    lighting.lights[lighting.pointLightCount + lighting.spotLightCount + index];
  return DirectionalLight(light.color, light.direction);
}

float getPointLightAttenuation(PointLight pointLight, float distance) {
  return pointLight.attenuation.x
       + pointLight.attenuation.y * distance
       + pointLight.attenuation.z * distance * distance;
}

float getSpotLightAttenuation(SpotLight spotLight, vec3 positionWorldspace) {
  vec3 light_direction = normalize(positionWorldspace - spotLight.position);
  float coneFactor = smoothstep(
    spotLight.coneCos.y,
    spotLight.coneCos.x,
    dot(normalize(spotLight.direction), light_direction)
  );
  float distanceAttenuation = getPointLightAttenuation(
    PointLight(spotLight.color, spotLight.position, spotLight.attenuation),
    distance(spotLight.position, positionWorldspace)
  );
  return distanceAttenuation / max(coneFactor, 0.0001);
}

// #endif
`;var dn=`// #if (defined(SHADER_TYPE_FRAGMENT) && defined(LIGHTING_FRAGMENT)) || (defined(SHADER_TYPE_VERTEX) && defined(LIGHTING_VERTEX))
const MAX_LIGHTS: i32 = 5;

struct AmbientLight {
  color: vec3<f32>,
};

struct PointLight {
  color: vec3<f32>,
  position: vec3<f32>,
  attenuation: vec3<f32>, // 2nd order x:Constant-y:Linear-z:Exponential
};

struct SpotLight {
  color: vec3<f32>,
  position: vec3<f32>,
  direction: vec3<f32>,
  attenuation: vec3<f32>,
  coneCos: vec2<f32>,
};

struct DirectionalLight {
  color: vec3<f32>,
  direction: vec3<f32>,
};

struct UniformLight {
  color: vec3<f32>,
  position: vec3<f32>,
  direction: vec3<f32>,
  attenuation: vec3<f32>,
  coneCos: vec2<f32>,
};

struct lightingUniforms {
  enabled: i32,
  directionalLightCount: i32,
  pointLightCount: i32,
  spotLightCount: i32,
  ambientColor: vec3<f32>,
  lights: array<UniformLight, 5>,
};

@group(2) @binding(auto) var<uniform> lighting : lightingUniforms;

fn lighting_getPointLight(index: i32) -> PointLight {
  let light = lighting.lights[index];
  return PointLight(light.color, light.position, light.attenuation);
}

fn lighting_getSpotLight(index: i32) -> SpotLight {
  let light = lighting.lights[lighting.pointLightCount + index];
  return SpotLight(light.color, light.position, light.direction, light.attenuation, light.coneCos);
}

fn lighting_getDirectionalLight(index: i32) -> DirectionalLight {
  let light = lighting.lights[lighting.pointLightCount + lighting.spotLightCount + index];
  return DirectionalLight(light.color, light.direction);
}

fn getPointLightAttenuation(pointLight: PointLight, distance: f32) -> f32 {
  return pointLight.attenuation.x
       + pointLight.attenuation.y * distance
       + pointLight.attenuation.z * distance * distance;
}

fn getSpotLightAttenuation(spotLight: SpotLight, positionWorldspace: vec3<f32>) -> f32 {
  let lightDirection = normalize(positionWorldspace - spotLight.position);
  let coneFactor = smoothstep(
    spotLight.coneCos.y,
    spotLight.coneCos.x,
    dot(normalize(spotLight.direction), lightDirection)
  );
  let distanceAttenuation = getPointLightAttenuation(
    PointLight(spotLight.color, spotLight.position, spotLight.attenuation),
    distance(spotLight.position, positionWorldspace)
  );
  return distanceAttenuation / max(coneFactor, 0.0001);
}
`;var ee=5,ts={color:"vec3<f32>",position:"vec3<f32>",direction:"vec3<f32>",attenuation:"vec3<f32>",coneCos:"vec2<f32>"},hn={props:{},uniforms:{},name:"lighting",defines:{},uniformTypes:{enabled:"i32",directionalLightCount:"i32",pointLightCount:"i32",spotLightCount:"i32",ambientColor:"vec3<f32>",lights:[ts,ee]},defaultUniforms:et(),bindingLayout:[{name:"lighting",group:2}],firstBindingSlot:0,source:dn,vs:Rt,fs:Rt,getUniforms:is};function is(t,e={}){if(t=t&&{...t},!t)return et();t.lights&&(t={...t,...rs(t.lights),lights:void 0});let{useByteColors:i,ambientLight:n,pointLights:r,spotLights:o,directionalLights:s}=t||{};if(!(n||r&&r.length>0||o&&o.length>0||s&&s.length>0))return{...et(),enabled:0};let u={...et(),...ns({useByteColors:i,ambientLight:n,pointLights:r,spotLights:o,directionalLights:s})};return t.enabled!==void 0&&(u.enabled=t.enabled?1:0),u}function ns({useByteColors:t,ambientLight:e,pointLights:i=[],spotLights:n=[],directionalLights:r=[]}){let o=pn(),s=0,a=0,u=0,l=0;for(let c of i){if(s>=ee)break;o[s]={...o[s],color:Qe(c,t),position:c.position,attenuation:c.attenuation||[1,0,0]},s++,a++}for(let c of n){if(s>=ee)break;o[s]={...o[s],color:Qe(c,t),position:c.position,direction:c.direction,attenuation:c.attenuation||[1,0,0],coneCos:ss(c)},s++,u++}for(let c of r){if(s>=ee)break;o[s]={...o[s],color:Qe(c,t),direction:c.direction},s++,l++}return i.length+n.length+r.length>ee&&b.warn(`MAX_LIGHTS exceeded, truncating to ${ee}`)(),{ambientColor:Qe(e,t),directionalLightCount:l,pointLightCount:a,spotLightCount:u,lights:o}}function rs(t){let e={pointLights:[],spotLights:[],directionalLights:[]};for(let i of t||[])switch(i.type){case"ambient":e.ambientLight=i;break;case"directional":e.directionalLights?.push(i);break;case"point":e.pointLights?.push(i);break;case"spot":e.spotLights?.push(i);break;default:}return e}function Qe(t={},e){let{color:i=[0,0,0],intensity:n=1}=t;return Ct(i,Je(e,!0)).map(o=>o*n)}function et(){return{enabled:1,directionalLightCount:0,pointLightCount:0,spotLightCount:0,ambientColor:[.1,.1,.1],lights:pn()}}function pn(){return Array.from({length:ee},()=>os())}function os(){return{color:[1,1,1],position:[1,1,2],direction:[1,1,1],attenuation:[1,0,0],coneCos:[1,0]}}function ss(t){let e=t.innerConeAngle??0,i=t.outerConeAngle??Math.PI/4;return[Math.cos(e),Math.cos(i)]}var gn=`layout(std140) uniform phongMaterialUniforms {
  uniform bool unlit;
  uniform float ambient;
  uniform float diffuse;
  uniform float shininess;
  uniform vec3  specularColor;
} material;
`,mn=`layout(std140) uniform phongMaterialUniforms {
  uniform bool unlit;
  uniform float ambient;
  uniform float diffuse;
  uniform float shininess;
  uniform vec3  specularColor;
} material;

vec3 lighting_getLightColor(vec3 surfaceColor, vec3 light_direction, vec3 view_direction, vec3 normal_worldspace, vec3 color) {
  vec3 halfway_direction = normalize(light_direction + view_direction);
  float lambertian = dot(light_direction, normal_worldspace);
  float specular = 0.0;
  if (lambertian > 0.0) {
    float specular_angle = max(dot(normal_worldspace, halfway_direction), 0.0);
    specular = pow(specular_angle, material.shininess);
  }
  lambertian = max(lambertian, 0.0);
  return (lambertian * material.diffuse * surfaceColor + specular * floatColors_normalize(material.specularColor)) * color;
}

vec3 lighting_getLightColor(vec3 surfaceColor, vec3 cameraPosition, vec3 position_worldspace, vec3 normal_worldspace) {
  vec3 lightColor = surfaceColor;

  if (material.unlit) {
    return surfaceColor;
  }

  if (lighting.enabled == 0) {
    return lightColor;
  }

  vec3 view_direction = normalize(cameraPosition - position_worldspace);
  lightColor = material.ambient * surfaceColor * lighting.ambientColor;

  for (int i = 0; i < lighting.pointLightCount; i++) {
    PointLight pointLight = lighting_getPointLight(i);
    vec3 light_position_worldspace = pointLight.position;
    vec3 light_direction = normalize(light_position_worldspace - position_worldspace);
    float light_attenuation = getPointLightAttenuation(pointLight, distance(light_position_worldspace, position_worldspace));
    lightColor += lighting_getLightColor(surfaceColor, light_direction, view_direction, normal_worldspace, pointLight.color / light_attenuation);
  }

  for (int i = 0; i < lighting.spotLightCount; i++) {
    SpotLight spotLight = lighting_getSpotLight(i);
    vec3 light_position_worldspace = spotLight.position;
    vec3 light_direction = normalize(light_position_worldspace - position_worldspace);
    float light_attenuation = getSpotLightAttenuation(spotLight, position_worldspace);
    lightColor += lighting_getLightColor(surfaceColor, light_direction, view_direction, normal_worldspace, spotLight.color / light_attenuation);
  }

  for (int i = 0; i < lighting.directionalLightCount; i++) {
    DirectionalLight directionalLight = lighting_getDirectionalLight(i);
    lightColor += lighting_getLightColor(surfaceColor, -directionalLight.direction, view_direction, normal_worldspace, directionalLight.color);
  }
  
  return lightColor;
}
`;var _n=`struct phongMaterialUniforms {
  unlit: u32,
  ambient: f32,
  diffuse: f32,
  shininess: f32,
  specularColor: vec3<f32>,
};

@group(3) @binding(auto) var<uniform> phongMaterial : phongMaterialUniforms;

fn lighting_getLightColor(surfaceColor: vec3<f32>, light_direction: vec3<f32>, view_direction: vec3<f32>, normal_worldspace: vec3<f32>, color: vec3<f32>) -> vec3<f32> {
  let halfway_direction: vec3<f32> = normalize(light_direction + view_direction);
  var lambertian: f32 = dot(light_direction, normal_worldspace);
  var specular: f32 = 0.0;
  if (lambertian > 0.0) {
    let specular_angle = max(dot(normal_worldspace, halfway_direction), 0.0);
    specular = pow(specular_angle, phongMaterial.shininess);
  }
  lambertian = max(lambertian, 0.0);
  return (
    lambertian * phongMaterial.diffuse * surfaceColor +
    specular * floatColors_normalize(phongMaterial.specularColor)
  ) * color;
}

fn lighting_getLightColor2(surfaceColor: vec3<f32>, cameraPosition: vec3<f32>, position_worldspace: vec3<f32>, normal_worldspace: vec3<f32>) -> vec3<f32> {
  var lightColor: vec3<f32> = surfaceColor;

  if (phongMaterial.unlit != 0u) {
    return surfaceColor;
  }

  if (lighting.enabled == 0) {
    return lightColor;
  }

  let view_direction: vec3<f32> = normalize(cameraPosition - position_worldspace);
  lightColor = phongMaterial.ambient * surfaceColor * lighting.ambientColor;

  for (var i: i32 = 0; i < lighting.pointLightCount; i++) {
    let pointLight: PointLight = lighting_getPointLight(i);
    let light_position_worldspace: vec3<f32> = pointLight.position;
    let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
    let light_attenuation = getPointLightAttenuation(
      pointLight,
      distance(light_position_worldspace, position_worldspace)
    );
    lightColor += lighting_getLightColor(
      surfaceColor,
      light_direction,
      view_direction,
      normal_worldspace,
      pointLight.color / light_attenuation
    );
  }

  for (var i: i32 = 0; i < lighting.spotLightCount; i++) {
    let spotLight: SpotLight = lighting_getSpotLight(i);
    let light_position_worldspace: vec3<f32> = spotLight.position;
    let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
    let light_attenuation = getSpotLightAttenuation(spotLight, position_worldspace);
    lightColor += lighting_getLightColor(
      surfaceColor,
      light_direction,
      view_direction,
      normal_worldspace,
      spotLight.color / light_attenuation
    );
  }

  for (var i: i32 = 0; i < lighting.directionalLightCount; i++) {
    let directionalLight: DirectionalLight = lighting_getDirectionalLight(i);
    lightColor += lighting_getLightColor(surfaceColor, -directionalLight.direction, view_direction, normal_worldspace, directionalLight.color);
  }  
  
  return lightColor;
}

fn lighting_getSpecularLightColor(cameraPosition: vec3<f32>, position_worldspace: vec3<f32>, normal_worldspace: vec3<f32>) -> vec3<f32>{
  var lightColor = vec3<f32>(0, 0, 0);
  let surfaceColor = vec3<f32>(0, 0, 0);

  if (lighting.enabled != 0) {
    let view_direction = normalize(cameraPosition - position_worldspace);

    for (var i: i32 = 0; i < lighting.pointLightCount; i++) {
      let pointLight: PointLight = lighting_getPointLight(i);
      let light_position_worldspace: vec3<f32> = pointLight.position;
      let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
      let light_attenuation = getPointLightAttenuation(
        pointLight,
        distance(light_position_worldspace, position_worldspace)
      );
      lightColor += lighting_getLightColor(
        surfaceColor,
        light_direction,
        view_direction,
        normal_worldspace,
        pointLight.color / light_attenuation
      );
    }

    for (var i: i32 = 0; i < lighting.spotLightCount; i++) {
      let spotLight: SpotLight = lighting_getSpotLight(i);
      let light_position_worldspace: vec3<f32> = spotLight.position;
      let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
      let light_attenuation = getSpotLightAttenuation(spotLight, position_worldspace);
      lightColor += lighting_getLightColor(
        surfaceColor,
        light_direction,
        view_direction,
        normal_worldspace,
        spotLight.color / light_attenuation
      );
    }

    for (var i: i32 = 0; i < lighting.directionalLightCount; i++) {
        let directionalLight: DirectionalLight = lighting_getDirectionalLight(i);
        lightColor += lighting_getLightColor(surfaceColor, -directionalLight.direction, view_direction, normal_worldspace, directionalLight.color);
    }
  }
  return lightColor;
}
`;var as=[38.25,38.25,38.25],bn={props:{},name:"gouraudMaterial",bindingLayout:[{name:"gouraudMaterial",group:3}],vs:mn.replace("phongMaterial","gouraudMaterial"),fs:gn.replace("phongMaterial","gouraudMaterial"),source:_n.replaceAll("phongMaterial","gouraudMaterial"),defines:{LIGHTING_VERTEX:!0},dependencies:[hn,cn],uniformTypes:{unlit:"i32",ambient:"f32",diffuse:"f32",shininess:"f32",specularColor:"vec3<f32>"},defaultUniforms:{unlit:!1,ambient:.35,diffuse:.6,shininess:32,specularColor:as},getUniforms(t){return{...bn.defaultUniforms,...t}}};var Dt={};function M(t="id"){Dt[t]=Dt[t]||1;let e=Dt[t]++;return`${t}-${e}`}var Ee=class{constructor(e){f(this,"id");f(this,"topology");f(this,"vertexCount");f(this,"indices");f(this,"attributes");f(this,"bufferLayout");f(this,"userData",{});let{attributes:i={},indices:n=null,vertexCount:r=null}=e;this.id=e.id||M("geometry"),this.topology=e.topology,n&&(this.indices=ArrayBuffer.isView(n)?{value:n,size:1}:n),this.attributes={};for(let[o,s]of Object.entries(i)){let a=ArrayBuffer.isView(s)?{value:s}:s;if(!ArrayBuffer.isView(a.value))throw new Error(`${this._print(o)}: must be typed array or object with value as typed array`);if((o==="POSITION"||o==="positions")&&!a.size&&(a.size=3),o==="indices"){if(this.indices)throw new Error("Multiple indices detected");this.indices=a}else{let u=te(o),l=Object.keys(this.attributes).find(c=>te(c)===u);l&&delete this.attributes[l],this.attributes[o]=a}}this.indices&&this.indices.isIndexed!==void 0&&(this.indices=Object.assign({},this.indices),delete this.indices.isIndexed),this.vertexCount=r||this._calculateVertexCount(this.attributes,this.indices),this.bufferLayout=e.bufferLayout||us(this.attributes)}getVertexCount(){return this.vertexCount}getAttributes(){return this.indices?{indices:this.indices,...this.attributes}:this.attributes}_print(e){return`Geometry ${this.id} attribute ${e}`}_setAttributes(e,i){return this}_calculateVertexCount(e,i){if(i)return i.value.length;let n=1/0;for(let r of Object.values(e)){if(!r)continue;let{value:o,size:s,constant:a}=r;!a&&o&&s!==void 0&&s>=1&&(n=Math.min(n,o.length/s))}return n}};function te(t){switch(t){case"POSITION":return"positions";case"NORMAL":return"normals";case"TEXCOORD_0":return"texCoords";case"TEXCOORD_1":return"texCoords1";case"COLOR_0":return"colors";default:return t}}function us(t){let e=[];for(let[i,n]of Object.entries(t)){if(!n)continue;let{value:r,size:o,normalized:s}=n;if(o===void 0)throw new Error(`Attribute ${i} is missing a size`);e.push({name:te(i),format:P.getVertexFormatFromAttribute(r,o,s)})}return e}function vn(t,e={}){let i=e.bufferName||"geometry";if(fs(t,i))return t;let n=e.minAttributeAlignment||4,r=ls(t,e.attributes),o=[],s=0,a=1/0;for(let[c,h]of r){if(!h)continue;if(h.constant)throw new Error(`Attribute ${c} is constant`);let{value:p,size:d,normalized:g}=h;if(!ArrayBuffer.isView(p))throw new Error(`Attribute ${c} is missing typed array data`);if(d===void 0)throw new Error(`Attribute ${c} is missing a size`);let m=P.getVertexFormatFromAttribute(p,d,g),y=P.getVertexFormatInfo(m);s=yn(s,n),o.push({sourceName:c,attributeName:te(c),value:p,size:d,format:m,byteOffset:s,byteLength:y.byteLength}),s+=y.byteLength;let x=p.length/d;if(!Number.isInteger(x))throw new Error(`Attribute ${c} length is not divisible by size`);a=Math.min(a,x)}if(o.length===0||!Number.isFinite(a))throw new Error(`Geometry ${t.id} has no interleavable attributes`);let u=yn(s,n),l=new ArrayBuffer(a*u);for(let c of o)cs(l,a,u,c);return new Ee({id:t.id,topology:t.topology||"triangle-list",vertexCount:t.vertexCount,indices:t.indices,attributes:{[i]:{value:new Uint8Array(l),size:u,byteStride:u}},bufferLayout:[{name:i,stepMode:"vertex",byteStride:u,attributes:o.map(c=>({attribute:c.attributeName,format:c.format,byteOffset:c.byteOffset}))}]})}function fs(t,e){if(t.bufferLayout.length!==1)return!1;let i=t.bufferLayout[0];return i.name===e&&!!i.attributes?.length&&!!t.attributes[e]}function ls(t,e){return e?e.map(i=>[i,t.attributes[i]]):Object.entries(t.attributes)}function cs(t,e,i,n){let r=n.value.constructor,o=r.BYTES_PER_ELEMENT;if(n.byteOffset%o!==0||i%o!==0)throw new Error(`Attribute ${n.sourceName} is not aligned to its component type`);let s=new r(t),a=n.value,u=n.byteOffset/o,l=i/o;for(let c=0;c<e;c++){let h=c*n.size,p=c*l+u;for(let d=0;d<n.size;d++)s[p+d]=a[h+d]}}function yn(t,e){return Math.ceil(t/e)*e}var tt=class{constructor(e){f(this,"id");f(this,"userData",{});f(this,"topology");f(this,"bufferLayout",[]);f(this,"vertexCount");f(this,"indices");f(this,"attributes");if(this.id=e.id||M("geometry"),this.topology=e.topology,this.indices=e.indices||null,this.attributes=e.attributes,this.vertexCount=e.vertexCount,this.bufferLayout=e.bufferLayout||[],this.indices&&!(this.indices.usage&B.INDEX))throw new Error("Index buffer must have INDEX usage")}destroy(){this.indices?.destroy();for(let e of Object.values(this.attributes))e.destroy()}getVertexCount(){return this.vertexCount}getAttributes(){return this.attributes}getIndexes(){return this.indices||null}_calculateVertexCount(e){return e.byteLength/12}};function xn(t,e){if(e instanceof tt)return e;let i=vn(e),n=ds(t,i),{attributes:r,bufferLayout:o}=hs(t,i);return new tt({topology:i.topology||"triangle-list",bufferLayout:o,vertexCount:i.vertexCount,indices:n,attributes:r})}function ds(t,e){if(!e.indices)return;let i=e.indices.value;return t.createBuffer({usage:B.INDEX,data:i})}function hs(t,e){let i={};for(let[n,r]of Object.entries(e.attributes)){let o=e.bufferLayout.find(s=>s.name===n)?.name||te(n);r&&(i[o]=t.createBuffer({data:r.value,id:`${n}-buffer`}))}return{attributes:i,bufferLayout:e.bufferLayout,vertexCount:e.vertexCount}}function wn(t,e){let i={},n="Values";if(t.attributes.length===0&&!t.varyings?.length)return{"No attributes or varyings":{[n]:"N/A"}};for(let r of t.attributes)if(r){let o=`${r.location} ${r.name}: ${r.type}`;i[`in ${o}`]={[n]:r.stepMode||"vertex"}}for(let r of t.varyings||[]){let o=`${r.location} ${r.name}`;i[`out ${o}`]={[n]:JSON.stringify(r)}}return i}var it="__debugFramebufferState";function Sn(t,e,i){if(t.device.type!=="webgl")return;let n=ms(t.device);if(!n.flushing){if(bs(t)){ps(t,i,n);return}e&&_s(e)&&e.handle!==null&&(n.queuedFramebuffers.includes(e)||n.queuedFramebuffers.push(e))}}function ps(t,e,i){if(i.queuedFramebuffers.length===0)return;let n=t.device,{gl:r}=n,o=r.getParameter(36010),s=r.getParameter(36006),[a,u]=t.device.getDefaultCanvasContext().getDrawingBufferSize(),l=Ln(e.top,8),c=Ln(e.left,8);i.flushing=!0;try{for(let h of i.queuedFramebuffers){let[p,d,g,m,y]=gs({framebuffer:h,targetWidth:a,targetHeight:u,topPx:l,leftPx:c,minimap:e.minimap});r.bindFramebuffer(36008,h.handle),r.bindFramebuffer(36009,null),r.blitFramebuffer(0,0,h.width,h.height,p,d,g,m,16384,9728),l+=y+8}}finally{r.bindFramebuffer(36008,o),r.bindFramebuffer(36009,s),i.flushing=!1}}function gs(t){let{framebuffer:e,targetWidth:i,targetHeight:n,topPx:r,leftPx:o,minimap:s}=t,a=s?Math.max(Math.floor(i/4),1):i,u=s?Math.max(Math.floor(n/4),1):n,l=Math.min(a/e.width,u/e.height),c=Math.max(Math.floor(e.width*l),1),h=Math.max(Math.floor(e.height*l),1),p=o,d=Math.max(n-r-h,0),g=p+c,m=d+h;return[p,d,g,m,h]}function ms(t){var e;return(e=t.userData)[it]||(e[it]={flushing:!1,queuedFramebuffers:[]}),t.userData[it]}function _s(t){return"colorAttachments"in t}function bs(t){let e=t.props.framebuffer;return!e||e.handle===null}function Ln(t,e){if(!t)return e;let i=Number.parseInt(t,10);return Number.isFinite(i)?i:e}function ue(t,e,i){if(t===e)return!0;if(!i||!t||!e)return!1;if(Array.isArray(t)){if(!Array.isArray(e)||t.length!==e.length)return!1;for(let n=0;n<t.length;n++)if(!ue(t[n],e[n],i-1))return!1;return!0}if(Array.isArray(e))return!1;if(typeof t=="object"&&typeof e=="object"){let n=Object.keys(t),r=Object.keys(e);if(n.length!==r.length)return!1;for(let o of n)if(!e.hasOwnProperty(o)||!ue(t[o],e[o],i-1))return!1;return!0}return!1}var fe=class{constructor(e){f(this,"bufferLayouts");this.bufferLayouts=e}getBufferLayout(e){return this.bufferLayouts.find(i=>i.name===e)||null}getAttributeNamesForBuffer(e){return _e(e)}mergeBufferLayouts(e,i){let n=[...e];for(let r of i){let o=n.findIndex(s=>s.name===r.name);o<0?n.push(r):n[o]=r}return n}};function An(t,e){let i=fi(t),n=e.slice();return n.sort((r,o)=>{let s=ct(_e(r).map(u=>i[u])),a=ct(_e(o).map(u=>i[u]));return s-a}),n}function le(t,e){if(!t||!e.some(n=>n.bindingLayout?.length))return t;let i={...t,bindings:t.bindings.map(n=>({...n}))};"attributes"in(t||{})&&(i.attributes=t?.attributes||[]);for(let n of e)for(let r of n.bindingLayout||[])for(let o of ys(r.name)){let s=i.bindings.find(a=>a.name===o);s?.group===0&&(s.group=r.group),s&&r.visibility!==void 0&&(s.visibility=r.visibility)}return i}function En(t,e,i=[]){return t?e?{...t,attributes:t.attributes.length?ws(t.attributes,e.attributes.filter(n=>i.includes(n.name))):e.attributes,bindings:xs(t.bindings,e.bindings)}:t:e}function Be(t){return!!(t.uniformTypes&&!vs(t.uniformTypes))}function Bn(t){let e=[];for(let i of t){let n=Le(i),r=new Set([i.vs,i.fs].flatMap(s=>s?Se(s).filter(a=>a.isStd140).map(a=>a.blockName):[])),o=r.has(n)?n:r.size===1?r.values().next().value:void 0;Be(i)&&o&&e.push({name:o,uniformTypes:i.uniformTypes})}return e}function nt(t,e){let i=[],n=new Set;for(let r of[...t||[],...e||[]])n.has(r.name)||(n.add(r.name),i.push(r));return i}function ys(t){let e=new Set([t,`${t}Uniforms`]);return t.endsWith("Uniforms")||e.add(`${t}Sampler`),[...e]}function vs(t){for(let e in t)return!1;return!0}function xs(t,e){let i=t.map(o=>({...o})),n=new Set(t.map(o=>o.name)),r=new Set(t.map(o=>`${o.group}:${o.location}`));for(let o of e){let s=`${o.group}:${o.location}`;!n.has(o.name)&&!r.has(s)&&i.push({...o})}return i}function ws(t,e){let i=t.map(o=>({...o})),n=new Map(t.map(o=>[o.name,o])),r=new Map(t.map(o=>[o.location,o]));for(let o of e){let s=n.get(o.name);if(s){if(s.type!==o.type||s.location!==o.location)throw new Error(`Shader attribute "${o.name}" conflicts with its inferred type or location`);continue}let a=r.get(o.location);if(a)throw new Error(`Shader attributes "${a.name}" and "${o.name}" both use location ${o.location}`);i.push({...o})}return i}function In(t){return ArrayBuffer.isView(t)&&!(t instanceof DataView)}function Tn(t){return Array.isArray(t)?t.length===0||typeof t[0]=="number":!1}function Ie(t){return In(t)||Tn(t)}function Ls(t){return Ie(t)||typeof t=="number"||typeof t=="boolean"}function Pn(t,e={}){let i={bindings:{},uniforms:{}};return Object.keys(t).forEach(n=>{let r=t[n];Object.prototype.hasOwnProperty.call(e,n)||Ls(r)?i.uniforms[n]=r:i.bindings[n]=r}),i}var ce=class{constructor(e,i){f(this,"options",{disableWarnings:!1});f(this,"modules");f(this,"moduleUniforms");f(this,"moduleBindings");f(this,"directBindings",{});Object.assign(this.options,i);let n=Y(Object.values(e).filter(Ss));for(let r of n)e[r.name]=r;b.log(1,"Creating ShaderInputs with modules",Object.keys(e))(),this.modules=e,this.moduleUniforms={},this.moduleBindings={};for(let[r,o]of Object.entries(e))o&&(this._addModule(o),o.name&&r!==o.name&&!this.options.disableWarnings&&b.warn(`Module name: ${r} vs ${o.name}`)())}destroy(){}setProps(e){e.bindings&&Object.assign(this.directBindings,e.bindings);for(let i of Object.keys(e)){if(i==="bindings")continue;let n=i,r=e[n]||{},o=this.modules[n];if(!o)this.options.disableWarnings||b.warn(`Module ${i} not found`)();else{let s=this.moduleUniforms[n],a=this.moduleBindings[n],u=o.getUniforms?.(r,s)||r,{uniforms:l,bindings:c}=Pn(u,o.uniformTypes);this.moduleUniforms[n]=On(s,l,o.uniformTypes),this.moduleBindings[n]={...a,...c}}}}getModules(){return Object.values(this.modules)}addModules(e){let i=Y(e);for(let n of i){let r=n.name;this.modules[r]||(this.modules[r]=n,this._addModule(n))}}getUniformValues(){return this.moduleUniforms}getBindingValues(){let e={};for(let i of Object.values(this.moduleBindings))Object.assign(e,i);return Object.assign(e,this.directBindings),e}getModuleBindingValues(e){let i=this.moduleBindings[e];return i?{...i}:{}}getDebugTable(){let e={};for(let[i,n]of Object.entries(this.moduleUniforms))for(let[r,o]of Object.entries(n))e[`${i}.${r}`]={type:this.modules[i].uniformTypes?.[r],value:String(o)};return e}_addModule(e){let i=e.name;this.moduleUniforms[i]=On({},e.defaultUniforms||{},e.uniformTypes),this.moduleBindings[i]={}}};function On(t={},e={},i={}){let n={...t};for(let[r,o]of Object.entries(e))o!==void 0&&(n[r]=Ft(t[r],o,i[r]));return n}function Ft(t,e,i){if(!i||typeof i=="string")return Te(e);if(Array.isArray(i)){if(Mt(e)||!Array.isArray(e))return Te(e);let s=Array.isArray(t)&&!Mt(t)?[...t]:[],a=s.slice();for(let u=0;u<e.length;u++){let l=e[u];l!==void 0&&(a[u]=Ft(s[u],l,i[0]))}return a}if(!Gt(e))return Te(e);let n=i,r=Gt(t)?t:{},o={...r};for(let[s,a]of Object.entries(e))a!==void 0&&(o[s]=Ft(r[s],a,n[s]));return o}function Te(t){return ArrayBuffer.isView(t)?Array.prototype.slice.call(t):Array.isArray(t)?Mt(t)?t.slice():t.map(i=>i===void 0?void 0:Te(i)):Gt(t)?Object.fromEntries(Object.entries(t).map(([e,i])=>[e,i===void 0?void 0:Te(i)])):t}function Mt(t){return ArrayBuffer.isView(t)||Array.isArray(t)&&(t.length===0||typeof t[0]=="number")}function Gt(t){return!!t&&typeof t=="object"&&!Array.isArray(t)&&!ArrayBuffer.isView(t)}function Ss(t){return!!t?.dependencies}var As=B.DEBUG_DATA_MAX_LENGTH,O=class{constructor(e,i){f(this,"device");f(this,"id");f(this,"ready");f(this,"usage");f(this,"props");f(this,"isReady",!0);f(this,"destroyed",!1);f(this,"generation",0);f(this,"updateTimestamp");f(this,"debugData",new ArrayBuffer(0));f(this,"_debugDataEnabled");f(this,"_maxDebugDataByteLength");f(this,"_ownsBuffer");f(this,"_buffer");let{debugData:n=!1,buffer:r,ownsBuffer:o=!0,...s}=i;if(r&&r.device!==e)throw new Error("DynamicBuffer adopted buffers must belong to the supplied device");if(r&&(s.byteLength!==void 0||s.data!==void 0))throw new Error("DynamicBuffer cannot combine an adopted buffer with byteLength or data");let a=i.id||r?.id||M("dynamic-buffer"),u={...s,id:a,usage:s.usage??r?.usage,indexType:s.indexType??r?.indexType};(u.usage||0)&B.INDEX&&!u.indexType&&(s.data instanceof Uint32Array?u.indexType="uint32":s.data instanceof Uint16Array?u.indexType="uint16":s.data instanceof Uint8Array&&(u.indexType="uint8")),delete u.data,delete u.byteOffset,this.device=e,this.id=a,this.props=u,this.usage=u.usage||0,this._debugDataEnabled=!!n,this._maxDebugDataByteLength=typeof n=="object"&&n.maxByteLength!==void 0?n.maxByteLength:As,this._ownsBuffer=o,this._buffer=r??this.device.createBuffer({...s,id:a}),this.ready=Promise.resolve(this._buffer),this.updateTimestamp=this._buffer.updateTimestamp,this._resetDebugData(this._buffer.byteLength),s.data&&this._writeDebugData(s.data,s.byteOffset||0)}get buffer(){return this._buffer}get byteLength(){return this._buffer.byteLength}get[Symbol.toStringTag](){return"DynamicBuffer"}toString(){return`DynamicBuffer:"${this.id}":${this.byteLength}B`}toJSON(){return this.toString()}write(e,i=0){this._buffer.write(e,i),this._touch(),this._writeDebugData(e,i)}async mapAndWriteAsync(e,i=0,n=this.byteLength-i){let r=null;await this._buffer.mapAndWriteAsync(async(o,s)=>{await e(o,s),r=new Uint8Array(o.slice(0,n))},i,n),this._touch(),r&&this._writeDebugData(r,i)}async readAsync(e=0,i=this.byteLength-e){let n=await this._buffer.readAsync(e,i);return this._writeDebugData(n,e)&&this._touch(),n}async mapAndReadAsync(e,i=0,n=this.byteLength-i){let r=null,o=await this._buffer.mapAndReadAsync(async(s,a)=>(r=new Uint8Array(s.slice(0)),await e(s,a)),i,n);return r&&this._writeDebugData(r,i)&&this._touch(),o}resize(e){let{byteLength:i,preserveData:n=!1}=e;if(i===this.byteLength)return!1;let r=Math.min(e.copyByteLength??Math.min(this.byteLength,i),this.byteLength,i),o=this._buffer,s=this.debugData.slice(0),{data:a,byteOffset:u,...l}=this.props,c=this.device.createBuffer({...l,byteLength:i});return n&&r>0&&this._copyBufferContents(o,c,r),this._buffer=c,this._resetDebugData(i),n&&s.byteLength>0&&this._writeDebugData(s,0),this._ownsBuffer&&o.destroy(),this._ownsBuffer=!0,this.generation++,this._touch(),!0}ensureSize(e,i){return e<=this.byteLength?!1:this.resize({byteLength:e,preserveData:i?.preserveData})}getBinding(e){return e?.offset===void 0&&e?.size===void 0?this._buffer:{buffer:this._buffer,offset:e?.offset,size:e?.size}}destroy(){this.destroyed||(this._ownsBuffer&&this._buffer.destroy(),this.destroyed=!0,this.debugData=new ArrayBuffer(0))}_copyBufferContents(e,i,n){let r=this.device.type==="webgpu"?Math.ceil(n/4)*4:n,o=this.device.createCommandEncoder();o.copyBufferToBuffer({sourceBuffer:e,destinationBuffer:i,size:r}),this.device.submit(o.finish())}_touch(){this.updateTimestamp=this.device.incrementTimestamp()}_resetDebugData(e){if(!this._debugDataEnabled){this.debugData=new ArrayBuffer(0);return}this.debugData=new ArrayBuffer(Math.min(e,this._maxDebugDataByteLength))}_writeDebugData(e,i){if(!this._debugDataEnabled||this.debugData.byteLength===0||i>=this.debugData.byteLength)return!1;let n=ArrayBuffer.isView(e)?new Uint8Array(e.buffer,e.byteOffset,e.byteLength):new Uint8Array(e),r=new Uint8Array(this.debugData),o=Math.min(n.byteLength,r.byteLength-i);return r.set(n.subarray(0,o),i),o>0}};function Ut(t){return t!==null&&typeof t=="object"&&"buffer"in t}function Es(t){return t instanceof O?t.buffer:t}function Cn(t){return{buffer:Es(t.buffer),offset:t.offset,size:t.size}}function Pe(t){return t!==null&&typeof t=="object"&&"resolveTextureBinding"in t&&typeof t.resolveTextureBinding=="function"}function Bs(t){return t?.type==="texture"||t?.type==="external-texture"}function Nn(t,e,i){let n=si(t,e,{ignoreWarnings:!0});return Bs(n)?n:t.bindings.length===0&&i?.fallbackGroup!==void 0?{type:"texture",name:e,group:i.fallbackGroup,location:0}:null}var G=2,Is=1e4,$t="render pipeline initialization failed",Ts=["stencil8","depth16unorm","depth24plus","depth24plus-stencil8","depth32float","depth32float-stencil8"],Oe=class Oe{constructor(e,i){f(this,"device");f(this,"id");f(this,"source");f(this,"vs");f(this,"fs");f(this,"pipelineFactory");f(this,"shaderFactory");f(this,"userData",{});f(this,"parameters");f(this,"topology");f(this,"bufferLayout");f(this,"isInstanced");f(this,"instanceCount",0);f(this,"vertexCount");f(this,"indexCount");f(this,"firstVertex");f(this,"firstIndex");f(this,"indexBuffer",null);f(this,"bufferAttributes",{});f(this,"constantAttributes",{});f(this,"bindings",{});f(this,"vertexArray");f(this,"transformFeedback",null);f(this,"pipeline");f(this,"shaderInputs");f(this,"material",null);f(this,"_uniformStore");f(this,"_attributeInfos",{});f(this,"_gpuGeometry",null);f(this,"props");f(this,"_dynamicIndexBufferSource",null);f(this,"_dynamicAttributeBufferSources",{});f(this,"_colorAttachmentFormats");f(this,"_depthStencilAttachmentFormat");f(this,"_pipelineNeedsUpdate","newly created");f(this,"_needsRedraw","initializing");f(this,"_drawBlockedReason",!1);f(this,"_destroyed",!1);f(this,"_vertexCountSet",!1);f(this,"_lastDrawTimestamp",-1);f(this,"_bindingTable",[]);f(this,"_lastLogTime",0);f(this,"_logOpen",!1);f(this,"_drawCount",0);let n=Oe.defaultProps.shaderAssembler,r=i.vertexCount!==void 0;this.props={...Oe.defaultProps,...i,shaderAssembler:i.shaderAssembler??(kt(n,e.info.shadingLanguage)?n:F.getDefaultShaderAssembler(e.info.shadingLanguage))},this._vertexCountSet=r,i=this.props,this.id=i.id||M("model"),this.device=e,Object.assign(this.userData,i.userData),this.material=i.material||null;let o=Rs(e),s=xe(this.props.plugins,o.shaderLanguage),a=we(this.props.modules,s.modules),u=Object.fromEntries(a.map(d=>[d.name,d])),l=i.shaderInputs||new ce(u,{disableWarnings:this.props.disableWarnings});i.shaderInputs&&s.modules.length>0&&l.addModules(s.modules),this.setShaderInputs(l);let c=nt(this.props.modules,l.getModules()),h={...s.defines,...this.props.defines};if(this.device.type==="webgl"&&(this.props._uniformBlockLayouts=Bn(c)),this.props.shaderLayout=le(this.props.shaderLayout,c)||null,this.device.type==="webgpu"&&this.props.source){let d=this.props.shaderAssembler;me(kt(d,"wgsl"));let{source:g,getUniforms:m,bindingTable:y,shaderLayout:x}=d.assembleWGSLShader({platformInfo:o,...this.props,modules:c,defines:h,pluginInjections:s.injections,pluginVertexInputs:s.vertexInputs,pluginVaryings:s.varyings});this.source=g,this._getModuleUniforms=m,this._bindingTable=y;let _=x??e.getShaderLayout?.(this.source),T=Ps(_,s.vertexInputs),w=En(this.props.shaderLayout,T,Object.keys(s.vertexInputs));this.props.shaderLayout=le(w||null,c)||null}else{let d=this.props.shaderAssembler;me(kt(d,"glsl"));let{vs:g,fs:m,getUniforms:y}=d.assembleGLSLShaderPair({platformInfo:o,...this.props,modules:c,defines:h,pluginInjections:s.injections,pluginVertexInputs:s.vertexInputs,pluginVaryings:s.varyings});this.vs=g,this.fs=m,this._getModuleUniforms=y,this._bindingTable=[]}this.vertexCount=this.props.vertexCount,this.indexCount=this.props.indexCount,this.firstVertex=this.props.firstVertex,this.firstIndex=this.props.firstIndex,this.instanceCount=this.props.instanceCount,this.topology=this.props.topology,this.bufferLayout=this.props.bufferLayout,this.parameters=this.props.parameters,this._colorAttachmentFormats=this.props.colorAttachmentFormats,this._depthStencilAttachmentFormat=this.props.depthStencilAttachmentFormat,i.geometry&&this.setGeometry(i.geometry),this.pipelineFactory=i.pipelineFactory||Fe.getDefaultPipelineFactory(this.device),this.shaderFactory=i.shaderFactory||Me.getDefaultShaderFactory(this.device),this.pipeline=this._updatePipeline(),this.vertexArray=e.createVertexArray({shaderLayout:this.pipeline.shaderLayout,bufferLayout:this.pipeline.bufferLayout}),this._gpuGeometry&&this._setGeometryAttributes(this._gpuGeometry),"isInstanced"in i&&(this.isInstanced=i.isInstanced),i.instanceCount&&this.setInstanceCount(i.instanceCount),i.vertexCount&&this.setVertexCount(i.vertexCount),i.indexBuffer&&this.setIndexBuffer(i.indexBuffer),i.attributes&&this.setAttributes(i.attributes),i.constantAttributes&&this.setConstantAttributes(i.constantAttributes),i.bindings&&this.setBindings(i.bindings),i.transformFeedback&&(this.transformFeedback=i.transformFeedback)}get[Symbol.toStringTag](){return"Model"}toString(){return`Model(${this.id})`}destroy(){this._destroyed||(this.pipelineFactory.release(this.pipeline),this.shaderFactory.release(this.pipeline.vs),this.pipeline.fs&&this.pipeline.fs!==this.pipeline.vs&&this.shaderFactory.release(this.pipeline.fs),this._uniformStore.destroy(),this._gpuGeometry?.destroy(),this._destroyed=!0)}needsRedraw(){this._getBindingsUpdateTimestamp()>this._lastDrawTimestamp&&this.setNeedsRedraw("contents of bound textures or buffers updated");let e=this._needsRedraw;return this._needsRedraw=!1,e}setNeedsRedraw(e){this._needsRedraw||(this._needsRedraw=e)}getBindingDebugTable(){return this._bindingTable}predraw(e){this._syncDynamicBuffers(),this.updateShaderInputs(e),this.material?.updateShaderInputs(e),this.pipeline=this._updatePipeline()}draw(e){if(this._drawBlockedReason&&!this._pipelineNeedsUpdate)return b.info(G,`>>> DRAWING ABORTED ${this.id}: ${this._drawBlockedReason}`)(),!1;let i=this._areBindingsLoading();if(i)return b.info(G,`>>> DRAWING ABORTED ${this.id}: ${i} not loaded`)(),!1;this._syncAttachmentFormats(e);try{e.pushDebugGroup(`${this}.predraw(${e})`),this.device.type==="webgpu"?(this.updateShaderInputs(),this.material?.updateShaderInputs(),this._syncDynamicBuffers(),this.pipeline=this._updatePipeline()):this.predraw(this.device.commandEncoder)}finally{e.popDebugGroup()}let n,r=this.pipeline.isErrored;try{if(e.pushDebugGroup(`${this}.draw(${e})`),this._logDrawCallStart(),this.pipeline=this._updatePipeline(),r=this.pipeline.isErrored,r)b.info(G,`>>> DRAWING ABORTED ${this.id}: ${$t}`)(),n=!1;else{let o=this.vertexArray.getDrawValidationError();if(o)b.info(G,`>>> DRAWING ABORTED ${this.id}: ${o}`)(),this._drawBlockedReason=o,n=!1;else{let s=this._getCurrentShaderLayout(),a=this._getBindings(s),u=this._getBindGroups(s,a),{indexBuffer:l}=this.vertexArray,c=l?this.indexCount??(this._vertexCountSet?this.vertexCount:l.byteLength/(l.indexType==="uint32"?4:2)):void 0;e.setPipeline(this.pipeline),e.setBindings(u,{_bindGroupCacheKeys:this._getBindGroupCacheKeys()}),e.setVertexArray(this.vertexArray),n=this.isInstanced===!0&&this.instanceCount===0?!0:e.draw({isInstanced:this.isInstanced,vertexCount:this.vertexCount,instanceCount:this.isInstanced?this.instanceCount:void 0,indexCount:c,firstVertex:this.firstVertex,firstIndex:this.firstIndex,transformFeedback:this.transformFeedback||void 0,uniforms:this.props.uniforms,parameters:this.parameters,topology:this.topology})}}}finally{e.popDebugGroup(),this._logDrawCallEnd()}return this._logFramebuffer(e),n?(this._lastDrawTimestamp=this.device.timestamp,this._needsRedraw=!1):r?(this._needsRedraw=$t,this._drawBlockedReason=$t):this._drawBlockedReason?this._needsRedraw=this._drawBlockedReason:this._needsRedraw="waiting for resource initialization",n}setGeometry(e){this._gpuGeometry?.destroy();let i=e&&xn(this.device,e);if(i){this.setTopology(i.topology||"triangle-list");let n=new fe(this.bufferLayout);this.bufferLayout=n.mergeBufferLayouts(i.bufferLayout,this.bufferLayout),this.vertexArray&&this._setGeometryAttributes(i)}this._gpuGeometry=i}setTopology(e){e!==this.topology&&(this.topology=e,this._setPipelineNeedsUpdate("topology"))}setBufferLayout(e){let i=new fe(this.bufferLayout),n=this._gpuGeometry?i.mergeBufferLayouts(e,this._gpuGeometry.bufferLayout):e;ue(n,this.bufferLayout,-1)||(this.bufferLayout=n,this._setPipelineNeedsUpdate("bufferLayout"),this.pipeline=this._updatePipeline(),this.vertexArray=this.device.createVertexArray({shaderLayout:this.pipeline.shaderLayout,bufferLayout:this.pipeline.bufferLayout}),this._gpuGeometry&&this._setGeometryAttributes(this._gpuGeometry))}setParameters(e){ue(e,this.parameters,2)||(this.parameters=e,this._setPipelineNeedsUpdate("parameters"))}setInstanceCount(e){this.instanceCount=e,this.isInstanced===void 0&&e>0&&(this.isInstanced=!0),this.setNeedsRedraw("instanceCount")}setVertexCount(e){this.vertexCount=e,this._vertexCountSet=!0,this.setNeedsRedraw("vertexCount")}setIndexCount(e){this.indexCount=e,this.setNeedsRedraw("indexCount")}setDrawOffsets({firstVertex:e,firstIndex:i}){this.firstVertex=e,this.firstIndex=i,this.setNeedsRedraw("drawOffsets")}setShaderInputs(e){this.shaderInputs=e,this._uniformStore=new Ge(this.device,this.shaderInputs.modules);for(let[i,n]of Object.entries(this.shaderInputs.modules))if(Be(n)&&!this.material?.ownsModule(i)){let r=this._uniformStore.getManagedUniformBuffer(i);this.bindings[`${i}Uniforms`]=r}this.setNeedsRedraw("shaderInputs")}setMaterial(e){this.material=e,this.setNeedsRedraw("material")}updateShaderInputs(e){this._uniformStore.setUniforms(this.shaderInputs.getUniformValues(),e),this.setBindings(this._getNonMaterialBindings(this.shaderInputs.getBindingValues())),this.setNeedsRedraw("shaderInputs")}setBindings(e){Object.assign(this.bindings,e),this.setNeedsRedraw("bindings")}setTransformFeedback(e){this.transformFeedback=e,this.setNeedsRedraw("transformFeedback")}setIndexBuffer(e){let i=e instanceof O?e.buffer:e;this.indexBuffer=i,this._dynamicIndexBufferSource=e instanceof O?{source:e,generation:e.generation}:null,this.vertexArray.setIndexBuffer(i),this.setNeedsRedraw("indexBuffer")}setAttributes(e,i){this._drawBlockedReason=!1;let n=i?.disableWarnings??this.props.disableWarnings;e.indices&&b.warn(`Model:${this.id} setAttributes() - indexBuffer should be set using setIndexBuffer()`)(),this.bufferLayout=An(this.pipeline.shaderLayout,this.bufferLayout);let r=new fe(this.bufferLayout);for(let[o,s]of Object.entries(e)){let a=s instanceof O?s.buffer:s,u=r.getBufferLayout(o);if(!u){n||b.warn(`Model(${this.id}): Missing layout for buffer "${o}".`)();continue}let l=r.getAttributeNamesForBuffer(u),c=!1;for(let h of l){let p=this._attributeInfos[h];if(p){let d=this.device.type==="webgpu"?this.vertexArray.getBufferSlot(p.bufferName):p.location;if(d===null){n||b.warn(`Model(${this.id}): Missing vertex array slot for buffer "${p.bufferName}".`)();continue}this.vertexArray.setBuffer(d,a),s instanceof O?this._dynamicAttributeBufferSources[d]={source:s,generation:s.generation}:delete this._dynamicAttributeBufferSources[d],c=!0}}!c&&!n&&b.warn(`Model(${this.id}): Ignoring buffer "${a.id}" for unknown attribute "${o}"`)()}this.setNeedsRedraw("attributes")}setConstantAttributes(e,i){for(let[n,r]of Object.entries(e)){let o=this._attributeInfos[n];o?this.vertexArray.setConstantWebGL(o.location,r):(i?.disableWarnings??this.props.disableWarnings)||b.warn(`Model "${this.id}: Ignoring constant supplied for unknown attribute "${n}"`)()}this.setNeedsRedraw("constants")}_areBindingsLoading(){for(let e of Object.values(this.bindings))if(Pe(e)&&!e.isReady)return e.id;for(let e of Object.values(this.material?.bindings||{}))if(Pe(e)&&!e.isReady)return e.id;return!1}_getBindings(e=this._getCurrentShaderLayout()){let i={};for(let[n,r]of Object.entries(this.bindings)){let o=Os(n,r,e);o&&(i[n]=o)}return i}_getBindGroups(e=this._getCurrentShaderLayout(),i=this._getBindings(e)){let n=e.bindings.length?ai(e,i):{0:i};if(!this.material)return n;for(let[r,o]of Object.entries(this.material.getBindingsByGroup(e))){let s=Number(r);n[s]={...n[s]||{},...o}}return n}_getBindGroupCacheKeys(){let e=this.material?.getBindGroupCacheKey(3);return e?{3:e}:{}}_getBindingsUpdateTimestamp(){let e=0;this._dynamicIndexBufferSource&&(e=Math.max(e,this._dynamicIndexBufferSource.source.updateTimestamp));for(let i of Object.values(this._dynamicAttributeBufferSources))e=Math.max(e,i.source.updateTimestamp);for(let i of Object.values(this.bindings))i instanceof ii?e=Math.max(e,i.texture.updateTimestamp):i instanceof B||i instanceof ti||i instanceof ni||i instanceof O?e=Math.max(e,i.updateTimestamp):Pe(i)?e=i.isReady?Math.max(e,i.updateTimestamp):1/0:Ut(i)&&(e=Math.max(e,(i.buffer instanceof O,i.buffer.updateTimestamp)));return Math.max(e,this.material?.getBindingsUpdateTimestamp()||0)}_setGeometryAttributes(e){let i={...e.attributes};for(let[n]of Object.entries(i))!this.pipeline.shaderLayout.attributes.find(r=>r.name===n)&&n!=="positions"&&delete i[n];this.vertexCount=e.vertexCount,this._vertexCountSet=!0,this.setIndexBuffer(e.indices||null),this.setAttributes(e.attributes,{disableWarnings:!0}),this.setAttributes(i,{disableWarnings:this.props.disableWarnings}),this.setNeedsRedraw("geometry attributes")}_setPipelineNeedsUpdate(e){this._pipelineNeedsUpdate||(this._pipelineNeedsUpdate=e),this._drawBlockedReason=!1,this.setNeedsRedraw(e)}_updatePipeline(){if(this._pipelineNeedsUpdate){let e=null,i=null;this.pipeline&&(b.log(1,`Model ${this.id}: Recreating pipeline because "${this._pipelineNeedsUpdate}".`)(),e=this.pipeline.vs,i=this.pipeline.fs),this._pipelineNeedsUpdate=!1;let n=this.shaderFactory.createShader({id:`${this.id}-vertex`,stage:"vertex",source:this.source||this.vs,debugShaders:this.props.debugShaders}),r=null;this.source?r=n:this.fs&&(r=this.shaderFactory.createShader({id:`${this.id}-fragment`,stage:"fragment",source:this.source||this.fs,debugShaders:this.props.debugShaders})),this.pipeline=this.pipelineFactory.createRenderPipeline({...this.props,bindings:void 0,bufferLayout:this.bufferLayout,colorAttachmentFormats:this._colorAttachmentFormats,depthStencilAttachmentFormat:this._depthStencilAttachmentFormat,topology:this.topology,parameters:this.parameters,bindGroups:void 0,vs:n,fs:r}),this._attributeInfos=li(this.pipeline.shaderLayout,this.bufferLayout),e&&this.shaderFactory.release(e),i&&i!==e&&this.shaderFactory.release(i)}return this.pipeline}_logDrawCallStart(){let e=b.level>3?0:Is;b.level<2||Date.now()-this._lastLogTime<e||(this._lastLogTime=Date.now(),this._logOpen=!0,b.group(G,`>>> DRAWING MODEL ${this.id}`,{collapsed:b.level<=2})())}_logDrawCallEnd(){if(this._logOpen){let e=wn(this.pipeline.shaderLayout,this.id);b.table(G,e)();let i=this.shaderInputs.getDebugTable();b.table(G,i)();let n=this._getAttributeDebugTable();b.table(G,this._attributeInfos)(),b.table(G,n)(),b.groupEnd(G)(),this._logOpen=!1}}_logFramebuffer(e){let i=this.device.props.debugFramebuffers;if(this._drawCount++,!i)return;let n=e.props.framebuffer;Sn(e,n,{id:n?.id||`${this.id}-framebuffer`,minimap:!0})}_getAttributeDebugTable(){let e={};for(let[i,n]of Object.entries(this._attributeInfos)){let r=this.vertexArray.attributes[n.location];e[n.location]={name:i,type:n.shaderType,values:r?this._getBufferOrConstantValues(r,n.bufferDataType):"null"}}if(this.vertexArray.indexBuffer){let{indexBuffer:i}=this.vertexArray,n=i.indexType==="uint32"?new Uint32Array(i.debugData):new Uint16Array(i.debugData);e.indices={name:"indices",type:i.indexType,values:n.toString()}}return e}_getBufferOrConstantValues(e,i){let n=De.getTypedArrayConstructor(i);return(e instanceof B?new n(e.debugData):e).toString()}_getNonMaterialBindings(e){if(!this.material)return e;let i={};for(let[n,r]of Object.entries(e))this.material.ownsBinding(n)||(i[n]=r);return i}_getCurrentShaderLayout(){return this.pipeline?.shaderLayout||this.props.shaderLayout||{bindings:[]}}_syncDynamicBuffers(){if(this._dynamicIndexBufferSource&&this._dynamicIndexBufferSource.generation!==this._dynamicIndexBufferSource.source.generation){let e=this._dynamicIndexBufferSource.source.buffer;this.indexBuffer=e,this.vertexArray.setIndexBuffer(e),this._dynamicIndexBufferSource.generation=this._dynamicIndexBufferSource.source.generation,this.setNeedsRedraw("dynamic index buffer")}for(let[e,i]of Object.entries(this._dynamicAttributeBufferSources))i.generation!==i.source.generation&&(this.vertexArray.setBuffer(Number(e),i.source.buffer),i.generation=i.source.generation,this.setNeedsRedraw("dynamic attribute buffer"))}_syncAttachmentFormats(e){if(this.device.type!=="webgpu")return;let i=e.framebuffer||e.props.framebuffer,n=e.props,r=n.colorAttachmentFormats??i?.colorAttachments?.map(s=>Cs(s?.texture?.format)),o=n.depthStencilAttachmentFormat===!1?void 0:n.depthStencilAttachmentFormat??Ns(i?.depthStencilAttachment?.texture?.format);(!ue(this._colorAttachmentFormats,r,1)||this._depthStencilAttachmentFormat!==o)&&(this._colorAttachmentFormats=r,this._depthStencilAttachmentFormat=o,this._setPipelineNeedsUpdate("attachment formats"))}};f(Oe,"defaultProps",{...ri.defaultProps,source:void 0,vs:null,fs:null,id:"unnamed",handle:void 0,userData:{},defines:{},modules:[],plugins:[],geometry:null,indexBuffer:null,indexCount:void 0,firstVertex:0,firstIndex:0,attributes:{},constantAttributes:{},bindings:{},uniforms:{},varyings:[],isInstanced:void 0,instanceCount:0,vertexCount:0,shaderInputs:void 0,material:void 0,pipelineFactory:void 0,shaderFactory:void 0,transformFeedback:void 0,shaderAssembler:F.getDefaultShaderAssembler("glsl"),debugShaders:void 0,disableWarnings:void 0});var de=Oe;function kt(t,e){return t.shaderLanguage!==void 0&&t.shaderLanguage!==e?!1:e==="glsl"?"assembleGLSLShaderPair"in t&&typeof t.assembleGLSLShaderPair=="function":"assembleWGSLShader"in t&&typeof t.assembleWGSLShader=="function"}function Ps(t,e){return!t||Object.keys(e).length===0?t:{...t,attributes:t.attributes.map(i=>{let n=i.name.startsWith("_luma_")?i.name.slice(6):null;return n&&e[n]?{...i,name:n}:i})}}function Os(t,e,i){if(Pe(e)){let n=Nn(i,t,{fallbackGroup:0});return n?e.resolveTextureBinding(n):null}return e instanceof O?e.buffer:Ut(e)?Cn(e):e}function Cs(t){return t&&!Rn(t)?t:null}function Ns(t){return t&&Rn(t)?t:void 0}function Rn(t){return Ts.includes(t)}function Rs(t){return{type:t.type,shaderLanguage:t.info.shadingLanguage,shaderLanguageVersion:t.info.shadingLanguageVersion,gpu:t.info.gpu,limits:t.limits,features:t.features}}var Ds=35980,Fs=35981,Ce=class Ce{constructor(e,i=Ce.defaultProps){f(this,"device");f(this,"model");f(this,"transformFeedback");if(!Ce.isSupported(e))throw new Error("BufferTransform not yet implemented on WebGPU");this.device=e,this.model=new de(this.device,{id:i.id||"buffer-transform-model",fs:i.fs||Pt(),topology:i.topology||"point-list",varyings:i.outputs||i.varyings,...i,bufferMode:i.bufferMode||(i.feedbackBufferMode==="interleaved"?Ds:Fs)}),this.transformFeedback=this.device.createTransformFeedback({layout:this.model.pipeline.shaderLayout,buffers:i.feedbackBuffers}),this.model.setTransformFeedback(this.transformFeedback)}static isSupported(e){return e?.info?.type==="webgl"}destroy(){this.model&&this.model.destroy()}delete(){this.destroy()}run(e){e?.inputBuffers&&this.model.setAttributes(e.inputBuffers),e?.outputBuffers&&this.transformFeedback.setBuffers(e.outputBuffers);let i=this.device.beginRenderPass({discard:!0,...e});this.model.draw(i),i.end()}getBuffer(e){return this.transformFeedback.getBuffer(e)}readAsync(e){let i=this.getBuffer(e);if(!i)throw new Error("BufferTransform#getBuffer");if(i instanceof B)return i.readAsync();let{buffer:n,byteOffset:r=0,byteLength:o=n.byteLength}=i;return n.readAsync(r,o)}};f(Ce,"defaultProps",{...de.defaultProps,feedbackBufferMode:"separate",outputs:void 0,feedbackBuffers:void 0});var zt=Ce;var Vt=2,Ms=1e4,rt=class rt{constructor(e,i){f(this,"device");f(this,"id");f(this,"pipelineFactory");f(this,"shaderFactory");f(this,"userData",{});f(this,"bindings",{});f(this,"pipeline");f(this,"source");f(this,"shader");f(this,"shaderInputs");f(this,"_uniformStore");f(this,"_pipelineNeedsUpdate","newly created");f(this,"_getModuleUniforms");f(this,"props");f(this,"_destroyed",!1);f(this,"_lastLogTime",0);f(this,"_logOpen",!1);f(this,"_drawCount",0);if(e.type!=="webgpu")throw new Error("Computation is only supported in WebGPU");this.props={...rt.defaultProps,...i},i=this.props,this.id=i.id||M("model"),this.device=e,Object.assign(this.userData,i.userData);let n=Gs(e),r=xe(this.props.plugins,n.shaderLanguage);if(Object.keys(r.vertexInputs).length>0||Object.keys(r.varyings).length>0)throw new Error("Computation does not support ShaderPlugin vertex inputs or varyings");let o=we(this.props.modules,r.modules),s=Object.fromEntries(o.map(g=>[g.name,g]));this.shaderInputs=i.shaderInputs||new ce(s),i.shaderInputs&&r.modules.length>0&&this.shaderInputs.addModules(r.modules),this.setShaderInputs(this.shaderInputs);let a=nt(this.props.modules,this.shaderInputs?.getModules()),u={...r.defines,...this.props.defines};this.props.shaderLayout=le(this.props.shaderLayout,a)||null,this.pipelineFactory=i.pipelineFactory||Fe.getDefaultPipelineFactory(this.device),this.shaderFactory=i.shaderFactory||Me.getDefaultShaderFactory(this.device);let l=this.props.shaderAssembler;me(l instanceof ae);let{source:c,getUniforms:h,shaderLayout:p}=l.assembleWGSLShader({platformInfo:n,...this.props,modules:a,defines:u,scanVertexAttributes:!1,pluginInjections:r.injections});this.source=c,this._getModuleUniforms=h;let d=p??e.getShaderLayout?.(this.source,{scanVertexAttributes:!1});this.props.shaderLayout=le(this.props.shaderLayout||d||null,a)||null,this.pipeline=this._updatePipeline(),i.bindings&&this.setBindings(i.bindings)}destroy(){this._destroyed||(this.pipelineFactory.release(this.pipeline),this.shaderFactory.release(this.shader),this._uniformStore.destroy(),this._destroyed=!0)}predraw(e){this.updateShaderInputs(e)}dispatch(e,i,n,r){try{this._logDrawCallStart(),this._setPipeline(e),e.dispatch(i,n,r)}finally{this._logDrawCallEnd()}}dispatchIndirect(e,i,n=0){try{this._logDrawCallStart(),this._setPipeline(e),e.dispatchIndirect(i,n)}finally{this._logDrawCallEnd()}}_setPipeline(e){this.pipeline=this._updatePipeline(),this.pipeline.setBindings(this.bindings),e.setPipeline(this.pipeline),e.setBindings({})}setVertexCount(e){}setInstanceCount(e){}setShaderInputs(e){this.shaderInputs=e,this._uniformStore=new Ge(this.device,this.shaderInputs.modules);for(let[i,n]of Object.entries(this.shaderInputs.modules))if(Be(n)){let r=this._uniformStore.getManagedUniformBuffer(i);this.bindings[`${i}Uniforms`]=r}}setShaderModuleProps(e){let i=this._getModuleUniforms(e),n=Object.keys(i).filter(o=>{let s=i[o];return!Ie(s)&&typeof s!="number"&&typeof s!="boolean"}),r={};for(let o of n)r[o]=i[o],delete i[o]}updateShaderInputs(e){this._uniformStore.setUniforms(this.shaderInputs.getUniformValues(),e)}setBindings(e){Object.assign(this.bindings,e)}_setPipelineNeedsUpdate(e){this._pipelineNeedsUpdate=this._pipelineNeedsUpdate||e}_updatePipeline(){if(this._pipelineNeedsUpdate){let e=null;this.pipeline&&(b.log(1,`Model ${this.id}: Recreating pipeline because "${this._pipelineNeedsUpdate}".`)(),e=this.shader),this._pipelineNeedsUpdate=!1,this.shader=this.shaderFactory.createShader({id:`${this.id}-fragment`,stage:"compute",source:this.source,debugShaders:this.props.debugShaders}),this.pipeline=this.pipelineFactory.createComputePipeline({...this.props,shader:this.shader}),e&&this.shaderFactory.release(e)}return this.pipeline}_logDrawCallStart(){let e=b.level>3?0:Ms;b.level<2||Date.now()-this._lastLogTime<e||(this._lastLogTime=Date.now(),this._logOpen=!0,b.group(Vt,`>>> DRAWING MODEL ${this.id}`,{collapsed:b.level<=2})())}_logDrawCallEnd(){if(this._logOpen){let e=this.shaderInputs.getDebugTable();b.table(Vt,e)(),b.groupEnd(Vt)(),this._logOpen=!1}}_getBufferOrConstantValues(e,i){let n=De.getTypedArrayConstructor(i);return(e instanceof B?new n(e.debugData):e).toString()}};f(rt,"defaultProps",{...oi.defaultProps,id:"unnamed",handle:void 0,userData:{},source:"",modules:[],defines:{},plugins:[],bindings:void 0,shaderInputs:void 0,pipelineFactory:void 0,shaderFactory:void 0,shaderAssembler:F.getDefaultShaderAssembler("wgsl"),debugShaders:void 0});var Wt=rt;function Gs(t){return{type:t.type,shaderLanguage:t.info.shadingLanguage,shaderLanguageVersion:t.info.shadingLanguageVersion,gpu:t.info.gpu,limits:t.limits,features:t.features}}var Us=1,$s=1,jt=class{constructor(){f(this,"time",0);f(this,"channels",new Map);f(this,"animations",new Map);f(this,"playing",!1);f(this,"lastEngineTime",-1)}addChannel(e){let{delay:i=0,duration:n=Number.POSITIVE_INFINITY,rate:r=1,repeat:o=1}=e,s=Us++,a={time:0,delay:i,duration:n,rate:r,repeat:o};return this._setChannelTime(a,this.time),this.channels.set(s,a),s}removeChannel(e){this.channels.delete(e);for(let[i,n]of this.animations)n.channel===e&&this.detachAnimation(i)}isFinished(e){let i=this.channels.get(e);return i===void 0?!1:this.time>=i.delay+i.duration*i.repeat}getTime(e){if(e===void 0)return this.time;let i=this.channels.get(e);return i===void 0?-1:i.time}setTime(e){this.time=Math.max(0,e);let i=this.channels.values();for(let r of i)this._setChannelTime(r,this.time);let n=this.animations.values();for(let r of n){let{animation:o,channel:s}=r;o.setTime(this.getTime(s))}}play(){this.playing=!0}pause(){this.playing=!1,this.lastEngineTime=-1}reset(){this.setTime(0)}attachAnimation(e,i){let n=$s++;return this.animations.set(n,{animation:e,channel:i}),e.setTime(this.getTime(i)),n}detachAnimation(e){this.animations.delete(e)}update(e){this.playing&&(this.lastEngineTime===-1&&(this.lastEngineTime=e),this.setTime(this.time+(e-this.lastEngineTime)),this.lastEngineTime=e)}_setChannelTime(e,i){let n=i-e.delay,r=e.duration*e.repeat;n>=r?e.time=e.duration*e.rate:(e.time=Math.max(0,n)%e.duration,e.time*=e.rate)}};function Dn(t){let e=typeof window<"u"?window.requestAnimationFrame||window.webkitRequestAnimationFrame||window.mozRequestAnimationFrame:null;return e?e.call(window,t):setTimeout(()=>t(typeof performance<"u"?performance.now():Date.now()),1e3/60)}function Fn(t){let e=typeof window<"u"?window.cancelAnimationFrame||window.webkitCancelAnimationFrame||window.mozCancelAnimationFrame:null;if(e){e.call(window,t);return}clearTimeout(t)}var ks=0,zs="Animation Loop",Mn={requestAnimationFrame:t=>Dn(t),cancelAnimationFrame:t=>Fn(t)},Ne=class Ne{constructor(e){f(this,"device",null);f(this,"canvas",null);f(this,"props");f(this,"animationProps",null);f(this,"timeline",null);f(this,"stats");f(this,"sharedStats");f(this,"cpuTime");f(this,"gpuTime");f(this,"frameRate");f(this,"display");f(this,"_needsRedraw","initialized");f(this,"_initialized",!1);f(this,"_running",!1);f(this,"_animationFrameId",null);f(this,"_nextFramePromise",null);f(this,"_resolveNextFrame",null);f(this,"_cpuStartTime",0);f(this,"_error",null);f(this,"_lastFrameTime",0);if(this.props={...Ne.defaultAnimationLoopProps,...e},e=this.props,!e.device)throw new Error("No device provided");this.stats=e.stats||new Jt({id:`animation-loop-${ks++}`}),this.sharedStats=Qt.stats.get(zs),this.frameRate=this.stats.get("Frame Rate"),this.frameRate.setSampleSize(1),this.cpuTime=this.stats.get("CPU Time"),this.gpuTime=this.stats.get("GPU Time"),this.setProps({autoResizeViewport:e.autoResizeViewport,animationFrameProvider:e.animationFrameProvider}),this.start=this.start.bind(this),this.stop=this.stop.bind(this),this._onMousemove=this._onMousemove.bind(this),this._onMouseleave=this._onMouseleave.bind(this)}destroy(){this.stop(),this._setDisplay(null),this.device?._disableDebugGPUTime()}delete(){this.destroy()}reportError(e){this._error=e,this.props.onError(e),this.props.onError===Ne.defaultAnimationLoopProps.onError&&typeof window<"u"&&typeof ErrorEvent<"u"&&window.dispatchEvent(new ErrorEvent("error",{error:e,message:e.message}))}setNeedsRedraw(e){return this._needsRedraw=this._needsRedraw||e,this}needsRedraw(){let e=this._needsRedraw;return this._needsRedraw=!1,e}setProps(e){if("autoResizeViewport"in e&&(this.props.autoResizeViewport=e.autoResizeViewport||!1),"animationFrameProvider"in e){let i=e.animationFrameProvider||Mn;if(i!==this.props.animationFrameProvider){let n=this._animationFrameId!==null;n&&this._cancelAnimationFrame(),this.props.animationFrameProvider=i,n&&this._requestAnimationFrame()}}return this}async start(){if(this._running)return this;this._running=!0;try{let e;if(!this._initialized){if(this._initialized=!0,await this._initDevice(),this._initialize(),!this._running)return null;await this.props.onInitialize(this._getAnimationProps())}return this._running?(e!==!1&&(this._cancelAnimationFrame(),this._requestAnimationFrame()),this):null}catch(e){let i=e instanceof Error?e:new Error("Unknown error");throw this.props.onError(i),i}}stop(){if(this._running){let e=this.animationProps;this._cancelAnimationFrame(),this._nextFramePromise=null,this._resolveNextFrame=null,this._running=!1,this._lastFrameTime=0,e&&this.props.onFinalize(e)}return this}redraw(e,i=null){return this.device?.isLost||this._error?this:(this._beginFrameTimers(e),this._setupFrame(),this.animationProps&&(this.animationProps.animationFrame=i),this._updateAnimationProps(),this._renderFrame(this._getAnimationProps()),this._clearNeedsRedraw(),this._resolveNextFrame&&(this._resolveNextFrame(this),this._nextFramePromise=null,this._resolveNextFrame=null),this._endFrameTimers(),this)}attachTimeline(e){return this.timeline=e,this.timeline}detachTimeline(){this.timeline=null}waitForRender(){return this.setNeedsRedraw("waitForRender"),this._nextFramePromise||(this._nextFramePromise=new Promise(e=>{this._resolveNextFrame=e})),this._nextFramePromise}async toDataURL(){if(this.setNeedsRedraw("toDataURL"),await this.waitForRender(),this.canvas instanceof HTMLCanvasElement)return this.canvas.toDataURL();throw new Error("OffscreenCanvas")}_initialize(){this._startEventHandling(),this._initializeAnimationProps(),this._updateAnimationProps(),this._resizeViewport(),this.device?._enableDebugGPUTime()}_setDisplay(e){this.display&&(this.display.destroy(),this.display.animationLoop=null),e&&(e.animationLoop=this),this.display=e}_requestAnimationFrame(){this._running&&(this._animationFrameId=this.props.animationFrameProvider.requestAnimationFrame(this._animationFrame.bind(this)))}_cancelAnimationFrame(){this._animationFrameId!==null&&(this.props.animationFrameProvider.cancelAnimationFrame(this._animationFrameId),this._animationFrameId=null)}_animationFrame(e,i){if(this._running)try{this.redraw(e,i??null),this._requestAnimationFrame()}catch(n){let r=n instanceof Error?n:new Error(String(n));this.reportError(r),this.stop()}}_renderFrame(e){if(this.display){this.display._renderFrame(e);return}let i=this.props.onRender(this._getAnimationProps());this.device&&i!==!1&&this.device.submit()}_clearNeedsRedraw(){this._needsRedraw=!1}_setupFrame(){this._resizeViewport()}_initializeAnimationProps(){let e=this.device?.getDefaultCanvasContext();if(!this.device||!e)throw new Error("loop");let i=e?.canvas,n=e.props.useDevicePixels;this.animationProps={animationLoop:this,device:this.device,canvasContext:e,canvas:i,useDevicePixels:n,timeline:this.timeline,needsRedraw:!1,width:1,height:1,aspect:1,time:0,startTime:Date.now(),engineTime:0,tick:0,tock:0,animationFrame:null,_mousePosition:null}}_getAnimationProps(){if(!this.animationProps)throw new Error("animationProps");return this.animationProps}_updateAnimationProps(){if(!this.animationProps)return;let{width:e,height:i,aspect:n}=this._getSizeAndAspect();(e!==this.animationProps.width||i!==this.animationProps.height)&&this.setNeedsRedraw("drawing buffer resized"),n!==this.animationProps.aspect&&this.setNeedsRedraw("drawing buffer aspect changed"),this.animationProps.width=e,this.animationProps.height=i,this.animationProps.aspect=n,this.animationProps.needsRedraw=this._needsRedraw,this.animationProps.engineTime=Date.now()-this.animationProps.startTime,this.timeline&&this.timeline.update(this.animationProps.engineTime),this.animationProps.tick=Math.floor(this.animationProps.time/1e3*60),this.animationProps.tock++,this.animationProps.time=this.timeline?this.timeline.getTime():this.animationProps.engineTime}async _initDevice(){if(this.device=await this.props.device,!this.device)throw new Error("No device provided");this.canvas=this.device.getDefaultCanvasContext().canvas||null}_createInfoDiv(){if(this.canvas&&this.props.onAddHTML){let e=document.createElement("div");document.body.appendChild(e),e.style.position="relative";let i=document.createElement("div");i.style.position="absolute",i.style.left="10px",i.style.bottom="10px",i.style.width="300px",i.style.background="white",this.canvas instanceof HTMLCanvasElement&&e.appendChild(this.canvas),e.appendChild(i);let n=this.props.onAddHTML(i);n&&(i.innerHTML=n)}}_getSizeAndAspect(){if(!this.device)return{width:1,height:1,aspect:1};let[e,i]=this.device.getDefaultCanvasContext().getDrawingBufferSize(),n=e>0&&i>0?e/i:1;return{width:e,height:i,aspect:n}}_resizeViewport(){this.props.autoResizeViewport&&this.device.gl&&this.device.gl.viewport(0,0,this.device.gl.drawingBufferWidth,this.device.gl.drawingBufferHeight)}_beginFrameTimers(e){let i=e??(typeof performance<"u"?performance.now():Date.now());if(this._lastFrameTime){let n=i-this._lastFrameTime;n>0&&this.frameRate.addTime(n)}this._lastFrameTime=i,this.device?._isDebugGPUTimeEnabled()&&this._consumeEncodedGpuTime(),this.cpuTime.timeStart()}_endFrameTimers(){this.device?._isDebugGPUTimeEnabled()&&this._consumeEncodedGpuTime(),this.cpuTime.timeEnd(),this._updateSharedStats()}_consumeEncodedGpuTime(){if(!this.device)return;let e=this.device.commandEncoder._gpuTimeMs;e!==void 0&&(this.gpuTime.addTime(e),this.device.commandEncoder._gpuTimeMs=void 0)}_updateSharedStats(){if(this.stats!==this.sharedStats){for(let e of Object.keys(this.sharedStats.stats))this.stats.stats[e]||delete this.sharedStats.stats[e];this.stats.forEach(e=>{let i=this.sharedStats.get(e.name,e.type);i.sampleSize=e.sampleSize,i.time=e.time,i.count=e.count,i.samples=e.samples,i.lastTiming=e.lastTiming,i.lastSampleTime=e.lastSampleTime,i.lastSampleCount=e.lastSampleCount,i._count=e._count,i._time=e._time,i._samples=e._samples,i._startTime=e._startTime,i._timerPending=e._timerPending})}}_startEventHandling(){this.canvas&&(this.canvas.addEventListener("mousemove",this._onMousemove.bind(this)),this.canvas.addEventListener("mouseleave",this._onMouseleave.bind(this)))}_onMousemove(e){e instanceof MouseEvent&&(this._getAnimationProps()._mousePosition=[e.offsetX,e.offsetY])}_onMouseleave(e){this._getAnimationProps()._mousePosition=null}};f(Ne,"defaultAnimationLoopProps",{device:null,onAddHTML:()=>"",onInitialize:async()=>null,onRender:()=>{},onFinalize:()=>{},onError:e=>{console.error(e)},stats:void 0,autoResizeViewport:!1,animationFrameProvider:Mn});var Ht=Ne;var qt=class{constructor(){f(this,"poolSize",20);f(this,"bufferPools");this.bufferPools=new Map}createOrReuse(e,i){if(i>e.limits.maxBufferSize)throw new Error(`Buffer pool cannot allocate ${i} bytes: device.limits.maxBufferSize is ${e.limits.maxBufferSize}`);let n=this.bufferPools.get(e),r=n?n.findIndex(s=>s.byteLength>=i):-1;if(r<0)return e.createBuffer({usage:B.VERTEX|B.STORAGE|B.COPY_DST|B.COPY_SRC,byteLength:i});let[o]=n.splice(r,1);return o}recycle(e){let i=e.device;this.bufferPools.has(i)||this.bufferPools.set(i,[]);let n=this.bufferPools.get(i),r=n.findIndex(o=>o.byteLength>e.byteLength);r<0?n.push(e):n.splice(r,0,e),this.purge()}purge(){for(let[e,i]of this.bufferPools){let n=e.isLost?0:this.poolSize;for(;i.length>n;)i.shift().destroy();i.length===0&&this.bufferPools.delete(e)}}},he=new qt;var Gn=/^vertex-list<([^<>]+)>$/,Un=/^value-list<([^<>]+)>$/;function ot(t){return Gn.test(t)}function st(t){return Un.test(t)}function $n(t){let e=Gn.exec(t),i=Un.exec(t),n=e?.[1]??i?.[1]??t;try{P.getVertexFormatInfo(n)}catch{throw new Error(`Unsupported GPUVector format ${t}`)}return n}function W(t){let e=$n(t),i=ot(t),n=st(t),r=P.getVertexFormatInfo(e),o=r.type,s=r.normalized,a=Vs(o,s);return{format:t,elementFormat:e,vertexList:i,valueList:n,type:o,signedDataType:Ws(e,o),primitiveType:a,components:r.components,byteLength:r.byteLength,integer:r.integer,signed:r.signed,normalized:s,...r.webglOnly?{webglOnly:!0}:{}}}function Vs(t,e){if(e)return"f32";switch(t){case"float32":return"f32";case"float16":return"f16";case"uint8":case"uint16":case"uint32":return"u32";case"sint8":case"sint16":case"sint32":return"i32";default:throw new Error(`Unsupported GPUVector component type ${t}`)}}function Ws(t,e){if(t==="unorm10-10-10-2")return"uint32";switch(e){case"unorm8":return"uint8";case"snorm8":return"sint8";case"unorm16":return"uint16";case"snorm16":return"sint16";default:return e}}var j=class{constructor(e){f(this,"buffer");f(this,"format");f(this,"length");f(this,"byteOffset");f(this,"byteStride");let i=P.getVertexFormatInfo(e.format).byteLength,n=e.byteOffset??0,r=e.byteStride??i;if(Zt(e.length,"GPUDataView length"),Zt(n,"GPUDataView byteOffset"),Zt(r,"GPUDataView byteStride"),r<i)throw new Error(`GPUDataView byteStride ${r} is smaller than ${e.format} byte length ${i}`);let o=e.length===0?0:(e.length-1)*r+i,s=n+o;if(!Number.isSafeInteger(o)||!Number.isSafeInteger(s))throw new Error("GPUDataView byte range must use safe integers");if(s>e.buffer.byteLength)throw new Error("GPUDataView exceeds its backing buffer byte length");this.buffer=e.buffer,this.format=e.format,this.length=e.length,this.byteOffset=n,this.byteStride=r}get elementByteLength(){return P.getVertexFormatInfo(this.format).byteLength}get byteLength(){return this.length===0?0:(this.length-1)*this.byteStride+this.elementByteLength}};function Zt(t,e){if(!Number.isSafeInteger(t)||t<0)throw new Error(`${e} must be a non-negative safe integer`)}function ut(t){return!!(t&&typeof t=="object"&&t.type==="struct")}function zn(t,e){let i=Object.entries(t);if(i.length===0)throw new Error("GPUData struct format must declare at least one field");return e==="packed"?js(i):Hs(i)}function js(t){let e=[],i=0,n=0;for(let[r,o]of t){let s=P.getVertexFormatInfo(o);if(s.webglOnly)throw new Error(`Packed GPUData struct field "${r}" uses WebGL-only format ${o}`);i=kn(i,Math.min(4,s.byteLength)),e.push([r,Object.freeze({format:o,byteOffset:i,byteLength:s.byteLength})]),i+=s.byteLength,n+=s.components}return Object.freeze({type:"struct",layout:"packed",fields:Object.freeze(Object.fromEntries(e)),components:n,byteStride:kn(i,4),rowByteLength:i})}function Hs(t){let e=Object.fromEntries(t.map(([s,a])=>[s,qs(a)])),i=ui(e,{layout:"wgsl-storage"}),n=[],r=0,o=0;for(let[s,a]of t){let u=P.getVertexFormatInfo(a),l=i.fields[s].offset*4;n.push([s,Object.freeze({format:a,byteOffset:l,byteLength:u.byteLength})]),r=Math.max(r,l+u.byteLength),o+=u.components}return Object.freeze({type:"struct",layout:"wgsl-storage",fields:Object.freeze(Object.fromEntries(n)),components:o,byteStride:i.byteLength,rowByteLength:r})}function qs(t){let e=P.getVertexFormatInfo(t);switch(e.type){case"float32":return at("f32",e.components);case"sint32":return at("i32",e.components);case"uint32":return at("u32",e.components);default:{let i=Math.ceil(e.byteLength/4);return at("u32",i)}}}function at(t,e){return e===1?t:`vec${e}<${t}>`}function kn(t,e){return Math.ceil(t/e)*e}var Kt=class{constructor(e,i){f(this,"buffer");f(this,"ownsDataBuffer");this.buffer=e,this.ownsDataBuffer=i}get ownsBuffer(){return this.ownsDataBuffer}transferBufferOwnership(e){if(e.buffer!==this.buffer)throw new Error("GPUData ownership can only be transferred to the same buffer");e.ownsDataBuffer=this.ownsDataBuffer,this.ownsDataBuffer=!1}destroy(){this.ownsDataBuffer&&(this.buffer.destroy(),this.ownsDataBuffer=!1)}},Yt=class extends Kt{constructor(i){let{buffer:n,format:r,length:o,valueLength:s,stride:a,byteOffset:u=0,byteStride:l,rowByteLength:c,ownsBuffer:h=!1,readbackMetadata:p,valueOffsets:d,nullBitmap:g,valueByteLength:m,dataType:y}=i;super(n,h);f(this,"dataType");f(this,"format");f(this,"length");f(this,"valueLength");f(this,"stride");f(this,"byteOffset");f(this,"byteStride");f(this,"rowByteLength");f(this,"readbackMetadata");f(this,"valueOffsets");f(this,"nullBitmap");f(this,"valueByteLength");let x;r?typeof r=="string"?x=r:x=zn(r,i.layout??"wgsl-storage"):x=void 0;let _=ut(x)?x:void 0,T=typeof x=="string"?W(x):void 0;if(this.dataType=y,this.format=x,this.length=o,this.valueLength=s??o,this.stride=a??T?.components??_?.components??l??c??1,this.byteOffset=u,this.rowByteLength=c??_?.rowByteLength??T?.byteLength??l??this.stride,this.byteStride=l??_?.byteStride??this.rowByteLength,_){if(this.rowByteLength<_.rowByteLength)throw new Error(`GPUData rowByteLength ${this.rowByteLength} is smaller than struct format row byte length ${_.rowByteLength}`);if(this.byteStride<Math.max(_.byteStride,this.rowByteLength))throw new Error(`GPUData byteStride ${this.byteStride} is smaller than its struct row layout`)}this.readbackMetadata=p,this.valueOffsets=d,this.nullBitmap=g,this.valueByteLength=m}getChild(i){if(!ut(this.format))return null;let n=this.format.fields[i];return n?new j({buffer:this.buffer,format:n.format,length:this.length,byteOffset:this.byteOffset+n.byteOffset,byteStride:this.byteStride}):null}getChildAt(i){if(!ut(this.format))return null;let n=Object.values(this.format.fields)[i];return n?new j({buffer:this.buffer,format:n.format,length:this.length,byteOffset:this.byteOffset+n.byteOffset,byteStride:this.byteStride}):null}},pe=Yt;var ie=class{constructor(e){f(this,"name");f(this,"dataType");f(this,"format");f(this,"length");f(this,"valueLength");f(this,"stride");f(this,"byteOffset");f(this,"byteStride");f(this,"rowByteLength");f(this,"bufferLayout");f(this,"data",[]);f(this,"device");f(this,"bufferProps");f(this,"isAppendable",!1);f(this,"ownsDataChunks",!0);f(this,"ownedVectors",[]);f(this,"appendableByteLength",0);switch(e.type){case"buffer":{let{name:i,buffer:n,format:r,length:o,valueLength:s=o,byteOffset:a=0,ownsBuffer:u=!1}=e,{stride:l,byteStride:c,rowByteLength:h}=Vn(e);this.name=i,this.dataType=e.dataType,this.format=r,this.length=o,this.valueLength=s,this.stride=l,this.byteOffset=a,this.byteStride=c,this.rowByteLength=h,this.data.push(new pe({buffer:n,format:r,length:o,valueLength:s,stride:l,byteOffset:a,byteStride:c,rowByteLength:h,ownsBuffer:u,dataType:e.dataType}));return}case"interleaved":{let{name:i,buffer:n,format:r,length:o,valueLength:s=o,byteOffset:a=0,byteStride:u,attributes:l,ownsBuffer:c=!1}=e;this.name=i,this.dataType=e.dataType,this.format=r,this.length=o,this.valueLength=s,this.stride=u,this.byteOffset=a,this.byteStride=u,this.rowByteLength=u,this.bufferLayout={name:i,byteStride:u,attributes:l},this.data.push(new pe({buffer:n,format:r,length:o,valueLength:s,stride:u,byteOffset:a,byteStride:u,rowByteLength:u,ownsBuffer:c,dataType:e.dataType}));return}case"data":{let i=e.format??Zs(e.data),n=i?W(i):void 0,{name:r,data:o,stride:s=o[0]?.stride??n?.components??1,valueLength:a=o.reduce((p,d)=>p+d.valueLength,0),byteStride:u=o[0]?.byteStride??n?.byteLength,rowByteLength:l=o[0]?.rowByteLength??n?.byteLength,bufferLayout:c,ownsData:h=!1}=e;if(u===void 0||l===void 0)throw new Error("GPUVector requires format or explicit byte layout metadata");i&&Ks(o,i),this.name=r,this.dataType=e.dataType,this.format=i,this.length=o.reduce((p,d)=>p+d.length,0),this.valueLength=a,this.stride=s,this.byteOffset=o.length===1?o[0].byteOffset:0,this.byteStride=u,this.rowByteLength=l,this.bufferLayout=c,this.ownsDataChunks=h,this.data.push(...o);return}case"appendable":{let{name:i,device:n,format:r,valueLength:o=0,bufferProps:s}=e,{stride:a,byteStride:u,rowByteLength:l}=Vn(e);this.name=i,this.dataType=e.dataType,this.format=r,this.length=0,this.valueLength=o,this.stride=a,this.byteOffset=0,this.byteStride=u,this.rowByteLength=l,this.device=n,this.bufferProps=s,this.isAppendable=!0;return}}}get ownsBuffer(){return this.ownsDataChunks&&this.data.some(e=>e.ownsBuffer)||this.ownedVectors.some(e=>e.ownsBuffer)}get capacityRows(){return this.isAppendable?this.length:void 0}get appendedByteLength(){return this.appendableByteLength}addData(e){if(this.format&&e.format!==this.format)throw new Error("GPUVector.addData() requires matching formats");if(e.byteStride!==this.byteStride)throw new Error("GPUVector.addData() requires matching byteStride");if(e.rowByteLength!==this.rowByteLength)throw new Error("GPUVector.addData() requires matching rowByteLength");return this.data.push(e),this.length+=e.length,this.valueLength+=e.valueLength,this}appendDataChunk(e,i=this.appendableByteLength+e.buffer.byteLength){if(!this.isAppendable)throw new Error("GPUVector.appendDataChunk() requires appendable vector storage");if(this.format&&e.format!==this.format)throw new Error("GPUVector.appendDataChunk() requires matching formats");if(e.byteStride!==this.byteStride||e.rowByteLength!==this.rowByteLength)throw new Error("GPUVector.appendDataChunk() requires matching byte layout metadata");return this.data.push(e),this.length+=e.length,this.valueLength+=e.valueLength,this.appendableByteLength=i,this}resetLastBatch(){if(!this.isAppendable)throw new Error("GPUVector.resetLastBatch() requires appendable vector storage");for(let e of this.data.splice(0))e.destroy();return this.length=0,this.valueLength=0,this.appendableByteLength=0,this}retainOwnedVectors(e){return this.ownedVectors.push(...e),this}transferBufferOwnership(e){let i=this.data[0],n=e.data[0];if(!i||!n||i.buffer!==n.buffer)throw new Error("GPUVector ownership can only be transferred to the same buffer");i.transferBufferOwnership(n)}destroy(){if(this.ownsDataChunks)for(let e of this.data)e.destroy();for(let e of this.ownedVectors.splice(0))e.destroy()}};function Vn(t){let e=t.format?W(t.format):void 0,i=t.rowByteLength??t.byteStride??e?.byteLength;if(i===void 0)throw new Error("GPUVector requires format or explicit rowByteLength");return{stride:t.stride??e?.components??1,byteStride:t.byteStride??i,rowByteLength:i}}function Zs(t){return t[0]?.format}function Ks(t,e){if(t.find(n=>n.format!==e))throw new Error("GPUVector data chunks must share the declared format")}var q=class t{constructor(e){f(this,"type");f(this,"size");f(this,"normalized");f(this,"isConstant");f(this,"length");f(this,"ValueType");f(this,"source",null);f(this,"format");f(this,"_id");f(this,"_destroyed",!1);f(this,"_value");f(this,"_offset");f(this,"_stride");f(this,"_byteLength");f(this,"_gpuVector");f(this,"_bufferOwnership","owned");f(this,"_targetBuffer");let{id:i,value:n,buffer:r,gpuData:o,format:s,source:a=null,isConstant:u=!1}=e;if(!a&&!n&&!r&&!o)throw new Error("GPUDataEvaluator must have a value source");let{type:l,size:c,offset:h,stride:p,normalized:d,length:g}=e;if(a instanceof t?(l=l??a.type,c=c??a.size,h=h??a.offset,p=p??a.stride,d=d??a.normalized,g=g??a.length):(c=c??1,h=h??0,d=d??!1,g=u?1:g),!l)throw new Error("GPUDataEvaluator: type not defined");if(this._id=i,this.type=l,this.size=c,this.ValueType=ge(this.type),this._offset=h,this._stride=p||this.ValueType.BYTES_PER_ELEMENT*c,this.normalized=d,this.source=a,this.format=s,g===void 0)if(u)g=1;else{if(!n)throw new Error("GPUDataEvaluator: length not defined");g=Math.ceil(n.byteLength/this.stride)}this.isConstant=u,this.length=g;let m=this.ValueType.BYTES_PER_ELEMENT*this.size;this._byteLength=g===0?0:(g-1)*this.stride+m,this._value=n,this._bufferOwnership=a instanceof t||r||o?"borrowed":"owned",o?this._gpuVector=new ie({type:"data",name:this._id??"data",format:o.format,data:[o],stride:o.stride,byteStride:o.byteStride,rowByteLength:o.rowByteLength}):r&&(this._gpuVector=this.createGPUVectorView({buffer:r,name:this._id,format:this.format}))}static get bufferPoolSize(){return he.poolSize}static set bufferPoolSize(e){if(!Number.isSafeInteger(e)||e<0)throw new Error("GPUDataEvaluator.bufferPoolSize must be a non-negative safe integer");he.poolSize=e,he.purge()}get offset(){return this._offset}get stride(){return this._stride}get byteLength(){return this._byteLength}static fromArray(e,{type:i,size:n=1,offset:r=0,stride:o=0,normalized:s=!1}){let a=i,u;if(Array.isArray(e)){a=a||"float32";let c=ge(a);u=new c(e)}else e instanceof Float64Array?(a="uint32",n*=2,r*=2,o*=2,u=new Uint32Array(e.buffer,e.byteOffset,e.byteLength/4)):(a=a||ei(e),u=e);let l=`<${a} * ${n}>`;return new t({id:l,type:a,size:n,offset:r,stride:o,normalized:s,value:u})}static fromConstant(e,i="float32"){let n=ge(i),r;return Array.isArray(e)?r=`[${e.join(",")}]`:(r=String(e),e=[e]),new t({id:r,isConstant:!0,type:i,size:e.length,value:new n(e)})}static fromGPUData(e,i={}){Xs(e);let n=new j({buffer:e.buffer,format:e.format,length:e.length,byteOffset:e.byteOffset,byteStride:e.byteStride});return new t({...Wn(n),id:i.id,gpuData:e})}static fromGPUDataView(e,i={}){return new t({...Wn(e),id:i.id,buffer:e.buffer})}get value(){return this._value||(this.source instanceof t?this.source.value:void 0)}get evaluated(){return!!this._gpuVector}get id(){return this._id}get gpuVector(){if(!this._gpuVector)throw new Error(`${this} not evaluated`);return this._gpuVector}get buffer(){return ft(this.gpuVector)}setTargetBuffer({buffer:e,byteOffset:i=0,byteStride:n=this.stride}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)throw new Error(`GPUDataEvaluator ${this} already evaluated`);if(!this.source||this.source instanceof t)throw new Error("GPUDataEvaluator target buffers require a deferred operation source");this._targetBuffer={buffer:e,byteOffset:i,byteStride:n}}async evaluate(e,i={}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n;if(this.source instanceof t){let r=await this.source.evaluate(e);return this._gpuVector=this.createGPUVectorView({...i,buffer:ft(r)}),this._gpuVector}if(n=this._getEvaluationBuffer(e),this._value)n.write(this._value);else{let r=await this.source.execute(e,n);if(!r.success)throw r.error||new Error(`${this.source} evaluation failed`);r.value&&(this._value=r.value)}return this._gpuVector=this.createGPUVectorView({...i,buffer:n}),this._gpuVector}evaluateSync(e,i={}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n;if(this.source instanceof t){let r=this.source.evaluateSync(e);return this._gpuVector=this.createGPUVectorView({...i,buffer:ft(r)}),this._gpuVector}if(n=this._getEvaluationBuffer(e),this._value)n.write(this._value);else{let r=this.source.executeSync(e,n);if(!r.success)throw r.error||new Error(`${this.source} evaluation failed`);r.value&&(this._value=r.value)}return this._gpuVector=this.createGPUVectorView({...i,buffer:n}),this._gpuVector}createGPUVectorView(e){let i=e.name??this._id??"vector",n=e.format??this.format??ea(this.type,this.size,this.normalized);if(e.interleaved){let r=typeof e.interleaved=="object"&&e.interleaved.attributes?e.interleaved.attributes:Qs(this);return new ie({type:"interleaved",name:i,buffer:e.buffer,format:e.format??this.format,length:this.length,byteOffset:this.offset,byteStride:this.stride,attributes:r,ownsBuffer:!1})}return new ie({type:"buffer",name:i,buffer:e.buffer,format:n,length:this.length,stride:this.size,byteOffset:this.offset,byteStride:this.stride,rowByteLength:this.ValueType.BYTES_PER_ELEMENT*this.size,ownsBuffer:!1})}_getEvaluationBuffer(e){let i=this._targetBuffer;if(!i)return he.createOrReuse(e,this.byteLength);if(i.buffer.device!==e)throw new Error("GPUDataEvaluator target buffer belongs to a different device");let n=this.ValueType.BYTES_PER_ELEMENT*this.size,r=this.length===0?0:(this.length-1)*i.byteStride+n;if(i.byteOffset+r>i.buffer.byteLength)throw new Error("GPUDataEvaluator target buffer is too small for the output layout");return this._offset=i.byteOffset,this._stride=i.byteStride,this._byteLength=r,this._bufferOwnership="borrowed",this._targetBuffer=void 0,i.buffer}async readValue(e=0,i){let{ValueType:n}=this,{size:r,offset:o,stride:s,length:a}=this,u=n.BYTES_PER_ELEMENT*r;if(i=i??a,e=Math.max(0,Math.min(a,e)),i=Math.max(e,Math.min(a,i)),this._value)return Ys(this,this._value,e,i);let l=i-e;if(l===0)return new n(0);let c=o+e*s,h=s===u?l*u:(l-1)*s+u,p=await this.buffer.readAsync(c,h),d=new n(p.buffer,p.byteOffset,p.byteLength/n.BYTES_PER_ELEMENT);if(s===u)return d;let g=new Uint8Array(u*l);for(let m=0;m<l;m++){let y=m*s;g.set(p.subarray(y,y+u),m*u)}return new n(g.buffer)}async ensureCPUValue(){let e=this.value;if(e)return e;let i=await this.buffer.readAsync(0,this.offset+this.byteLength);if(i.byteLength%this.ValueType.BYTES_PER_ELEMENT!==0)throw new Error(`${this} backing buffer byte length is not aligned to its scalar type`);let n=i.slice();return this._value=new this.ValueType(n.buffer,n.byteOffset,n.byteLength/this.ValueType.BYTES_PER_ELEMENT),this._value}ensureCPUValueSync(){let e=this.value;if(e)return e;throw new Error(`${this} CPU value is not available for synchronous evaluation`)}toString(){return this._id??this.source?.toString()??this.constructor.name}destroy(){this._gpuVector&&(this._bufferOwnership==="owned"&&he.recycle(ft(this._gpuVector)),this._gpuVector=void 0),this._targetBuffer=void 0,this._destroyed=!0}};function Ys(t,e,i,n){let{ValueType:r,size:o,offset:s,stride:a}=t,u=a/r.BYTES_PER_ELEMENT,l=s/r.BYTES_PER_ELEMENT,c=n-i;if(u===o){let p=l+i*u;return e.subarray(p,p+c*o)}let h=new r(c*o);for(let p=0;p<c;p++){let d=l+(i+p)*u;h.set(e.subarray(d,d+o),p*o)}return h}function rc(t){if(t instanceof q)return t;if(typeof t=="number"||Array.isArray(t))return q.fromConstant(t);if(t instanceof pe)return q.fromGPUData(t);if(t instanceof j)return q.fromGPUDataView(t);throw new Error("getGPUDataEvaluator() requires GPUDataEvaluator, GPUData, GPUDataView, number, or number[]")}function Xs(t){if(!t.format)throw new Error("GPUDataEvaluator.fromGPUData() requires GPUData format metadata");if(ot(t.format)||st(t.format))throw new Error("GPUDataEvaluator.fromGPUData() does not support variable-length input");let i=W(t.format).byteLength;if(t.rowByteLength!==i)throw new Error(`GPUDataEvaluator.fromGPUData() requires rowByteLength ${i} for GPUData`)}function Wn(t){let e=W(t.format),i=ge(e.signedDataType),n=i.BYTES_PER_ELEMENT*e.components;if(e.byteLength!==n)throw new Error(`GPUDataEvaluator does not support packed vertex format ${t.format}: ${e.byteLength} physical bytes cannot expose ${e.components} ${e.signedDataType} components`);if(t.byteOffset%i.BYTES_PER_ELEMENT!==0||t.byteStride%i.BYTES_PER_ELEMENT!==0)throw new Error(`GPUDataEvaluator requires ${t.format} offset and stride aligned to ${i.BYTES_PER_ELEMENT} bytes`);return{type:e.signedDataType,size:e.components,offset:t.byteOffset,stride:t.byteStride,normalized:e.normalized,length:t.length,format:t.format}}function ft(t){let e=Js(t).buffer;return e instanceof O?e.buffer:e}function Js(t){let[e,...i]=t.data;if(!e||i.length>0)throw new Error(`GPUDataEvaluator requires exactly one GPUData chunk for "${t.name}"`);return e}function Qs(t){let e=[];return jn(t,e,{byteOffset:0}),e}function jn(t,e,i){let n=t.source;if(n&&!(n instanceof q)&&n.name==="interleave"){for(let r of Object.values(n.inputs))r instanceof q&&jn(r,e,i);return}e.push({attribute:t.id??t.toString(),format:Hn(t.type,t.size,t.normalized),byteOffset:i.byteOffset}),i.byteOffset+=t.ValueType.BYTES_PER_ELEMENT*t.size}function Hn(t,e,i=!1){if(e<1||e>4)throw new Error(`Cannot synthesize a GPUVector vertex format with ${e} components`);let n=t;if(i)switch(t){case"uint8":n="unorm8";break;case"sint8":n="snorm8";break;case"uint16":n="unorm16";break;case"sint16":n="snorm16";break;case"float32":n="float32";break;default:throw new Error(`Unsupported normalized vertex format for ${t}`)}return(n==="uint8"||n==="sint8"||n==="uint16"||n==="sint16"||n==="unorm8"||n==="snorm8"||n==="unorm16"||n==="snorm16")&&e===3?`${n}x3-webgl`:`${n}${e===1?"":`x${e}`}`}function ea(t,e,i=!1){return e>=1&&e<=4?Hn(t,e,i):void 0}var ac={add:{arity:2,symbol:"arithmetic_add"},subtract:{arity:2,symbol:"arithmetic_subtract"},multiply:{arity:2,symbol:"arithmetic_multiply"},divide:{arity:2,symbol:"arithmetic_divide"},pow:{arity:2,symbol:"pow"},sqrt:{arity:1,symbol:"sqrt"},abs:{arity:1,symbol:"abs"},sin:{arity:1,symbol:"sin"},cos:{arity:1,symbol:"cos"},tan:{arity:1,symbol:"arithmetic_tan"},exp:{arity:1,symbol:"exp"},log:{arity:1,symbol:"log"}};function qn(t,{operations:e,inputs:i}){switch(t.kind){case"input":if(!(t.name in i))throw new Error(`Unknown expression input '${t.name}'`);return;case"literal":if(Array.isArray(t.value)){for(let n of t.value)if(!Number.isFinite(n))throw new Error(`Expression literal array must contain only finite values, got ${n}`)}else if(!Number.isFinite(t.value))throw new Error(`Expression literal must be finite, got ${t.value}`);return;case"call":{let n=e[t.op];if(!n)throw new Error(`Unknown expression op '${t.op}'`);if(t.args.length!==n.arity)throw new Error(`Expression op '${t.op}' expects ${n.arity} args, got ${t.args.length}`);for(let r of t.args)qn(r,{operations:e,inputs:i});return}default:{let n=t;throw new Error(`Unsupported expression node ${n.kind}`)}}}function fc(t,e){return qn(t,e),Zn(t,e)}function Zn(t,e){switch(t.kind){case"input":{let i=e.inputs[t.name];return e.laneIndex<i.size?e.formatInput(t.name):e.formatOutOfBoundsInput(t.name)}case"literal":return e.formatLiteral(t.value);case"call":{let i=e.operations[t.op],n=t.args.map(r=>Zn(r,e));return e.formatCall(i.symbol,n)}default:{let i=t;throw new Error(`Unsupported expression node ${i.kind}`)}}}export{F as a,Xe as b,ae as c,Xn as d,Wo as e,Qo as f,bn as g,Ee as h,jt as i,Ht as j,O as k,de as l,zt as m,Wt as n,ie as o,he as p,q,rc as r,ac as s,fc as t};
